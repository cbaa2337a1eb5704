package io.tradepilot.journal.ui;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A trade note's Markdown as HTML that is safe to show: raw HTML in the note is escaped, not passed through,
 * and link and image URLs with unsafe protocols ({@code javascript:} and the like) are neutralised
 * (commonmark's {@code escapeHtml} and {@code sanitizeUrls}).
 */
final class NoteRenderer {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private NoteRenderer() {
    }

    /** The note as one {@code <div>} of HTML (empty for null). */
    static String html(String markdown) {
        return "<div class=\"journal-note\">" + (markdown == null ? "" : RENDERER.render(PARSER.parse(markdown))) + "</div>";
    }
}
