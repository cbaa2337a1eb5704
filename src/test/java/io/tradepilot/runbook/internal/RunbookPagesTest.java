package io.tradepilot.runbook.internal;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RunbookPagesTest {

    @Test
    void a_page_is_html_with_its_live_parts_in_place_and_its_title_from_the_first_heading() {
        RunbookPages pages = new RunbookPages(Map.of("p", """
                # Kill switch

                Before.

                ```tradepilot
                state kill-switch
                action engage-kill-switch
                ```

                After, see [the flatten](emergency-flatten.md#steps) and [out](https://example.org).
                """));

        RunbookPages.Page page = pages.page("p").orElseThrow();

        assertThat(page.title()).isEqualTo("Kill switch");
        assertThat(page.segments()).hasSize(4);
        assertThat(page.segments().get(0)).isInstanceOfSatisfying(RunbookPages.Html.class,
                h -> assertThat(h.html()).startsWith("<div class=\"runbook-text\"><h1>Kill switch</h1>").contains("<p>Before.</p>"));
        assertThat(page.segments().get(1)).isEqualTo(new RunbookPages.Live("state", "kill-switch"));
        assertThat(page.segments().get(2)).isEqualTo(new RunbookPages.Live("action", "engage-kill-switch"));
        assertThat(page.segments().get(3)).isInstanceOfSatisfying(RunbookPages.Html.class, h -> assertThat(h.html())
                .contains("href=\"runbook/emergency-flatten#steps\"").contains("href=\"https://example.org\""));
    }

    @Test
    void gfm_tables_render_raw_html_is_escaped_and_other_code_blocks_stay_code() {
        Map<String, String> markdown = new LinkedHashMap<>();
        markdown.put("t", """
                | check | fix |
                |---|---|
                | redis | start it |

                <script>alert(1)</script>

                ```sh
                state kill-switch
                ```
                """);
        RunbookPages.Page page = new RunbookPages(markdown).page("t").orElseThrow();

        assertThat(page.segments()).singleElement().isInstanceOfSatisfying(RunbookPages.Html.class, h -> assertThat(h.html())
                .contains("<table>", "<th>check</th>", "<td>start it</td>")
                .contains("&lt;script&gt;").doesNotContain("<script>")
                .contains("<code class=\"language-sh\">state kill-switch"));
        assertThat(page.title()).isEqualTo("t");
    }

    @Test
    void every_page_of_the_runbook_is_on_the_classpath_and_names_only_known_live_parts() {
        RunbookPages pages = RunbookPages.fromClasspath();

        assertThat(pages.all()).extracting(RunbookPages.Page::slug).containsExactlyElementsOf(RunbookPages.SLUGS);
        assertThat(pages.all()).flatExtracting(RunbookPages.Page::segments)
                .filteredOn(RunbookPages.Live.class::isInstance).map(RunbookPages.Live.class::cast)
                .allSatisfy(live -> assertThat(live.kind()).isIn("state", "check", "action", "preflight", "incidents"));
        assertThat(pages.page("preflight").orElseThrow().segments()).contains(new RunbookPages.Live("preflight", ""));
    }

    @Test
    void the_pages_about_brokers_send_the_reader_to_the_connections_page() {
        RunbookPages pages = RunbookPages.fromClasspath();
        for (String slug : java.util.List.of("emergency-broker-down", "preflight", "troubleshooting", "daily-routines")) {
            assertThat(pages.page(slug).orElseThrow().segments()).as(slug)
                    .filteredOn(RunbookPages.Html.class::isInstance).map(RunbookPages.Html.class::cast)
                    .anySatisfy(h -> assertThat(h.html()).contains("href=\"connections\">Connections</a>"));
        }
    }
}
