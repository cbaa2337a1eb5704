package io.tradepilot.runbook.internal;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The runbook's pages: Markdown (CommonMark with GFM tables; raw HTML escaped) read once from the classpath
 * ({@code runbook/<slug>.md}, copied there from {@code docs/runbook/}). A page is a list of segments: rendered HTML,
 * and live parts written as a fenced block whose info string is {@code tradepilot} and whose content names the part
 * ({@code state kill-switch}, {@code action engage-kill-switch}, {@code check feed}, {@code preflight}); the view
 * puts the live component there. A link to {@code other-page.md} becomes a link to that page in the app.
 */
public final class RunbookPages {

    /** The pages in the order the runbook's navigation lists them. */
    static final List<String> SLUGS = List.of("index", "preflight", "emergency-kill-switch", "emergency-pause",
            "emergency-flatten", "emergency-restart", "emergency-broker-down", "emergency-data-stale", "daily-routines",
            "troubleshooting", "incidents");

    private static final Pattern PAGE_LINK = Pattern.compile("(?:\\./)?([a-z0-9-]+)\\.md(#[A-Za-z0-9-]*)?");

    /** One part of a page. */
    public sealed interface Segment permits Html, Live {
    }

    /** Rendered HTML (one root element). */
    public record Html(String html) implements Segment {
    }

    /** A live part: {@code kind} ({@code state}, {@code action}, {@code check}, {@code preflight}, …) and its argument. */
    public record Live(String kind, String argument) implements Segment {
    }

    /** A page: its slug (the path under {@code /runbook/}), title (its first heading) and segments. */
    public record Page(String slug, String title, List<Segment> segments) {
        public Page {
            segments = List.copyOf(segments);
        }
    }

    private final Map<String, Page> pages;

    RunbookPages(Map<String, String> markdownBySlug) {
        Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(List.of(TablesExtension.create())).escapeHtml(true)
                .sanitizeUrls(true).build();
        Map<String, Page> parsed = new LinkedHashMap<>();
        markdownBySlug.forEach((slug, markdown) -> parsed.put(slug, parse(slug, markdown, parser, renderer)));
        this.pages = parsed;
    }

    /** The pages of {@link #SLUGS} from the classpath; a missing page fails the start (the build copies them). */
    static RunbookPages fromClasspath() {
        Map<String, String> markdown = new LinkedHashMap<>();
        for (String slug : SLUGS) {
            try (InputStream in = RunbookPages.class.getClassLoader().getResourceAsStream("runbook/" + slug + ".md")) {
                if (in == null) {
                    throw new IllegalStateException("runbook page runbook/" + slug + ".md is not on the classpath");
                }
                markdown.put(slug, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new RunbookPages(markdown);
    }

    /** All pages, in navigation order. */
    public List<Page> all() {
        return List.copyOf(pages.values());
    }

    public Optional<Page> page(String slug) {
        return Optional.ofNullable(pages.get(slug));
    }

    private static Page parse(String slug, String markdown, Parser parser, HtmlRenderer renderer) {
        Node document = parser.parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                var m = PAGE_LINK.matcher(link.getDestination());
                if (m.matches()) {
                    link.setDestination("runbook/" + m.group(1) + (m.group(2) == null ? "" : m.group(2)));
                }
                visitChildren(link);
            }
        });
        String title = slug;
        List<Segment> segments = new ArrayList<>();
        StringBuilder html = new StringBuilder();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading && heading.getLevel() == 1 && title.equals(slug)) {
                title = text(heading);
            }
            if (node instanceof FencedCodeBlock block && "tradepilot".equals(block.getInfo().strip())) {
                flush(html, segments);
                for (String line : block.getLiteral().strip().split("\n")) {
                    String[] parts = line.strip().split("\\s+", 2);
                    if (!parts[0].isEmpty()) {
                        segments.add(new Live(parts[0], parts.length > 1 ? parts[1] : ""));
                    }
                }
            } else {
                html.append(renderer.render(node));
            }
        }
        flush(html, segments);
        return new Page(slug, title, segments);
    }

    private static void flush(StringBuilder html, List<Segment> segments) {
        if (!html.isEmpty()) {
            segments.add(new Html("<div class=\"runbook-text\">" + html + "</div>"));
            html.setLength(0);
        }
    }

    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }
        });
        return text.toString();
    }
}
