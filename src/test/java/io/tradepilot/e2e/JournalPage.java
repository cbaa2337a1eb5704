package io.tradepilot.e2e;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The Journal ({@code /journal}): filters kept in the URL, the trades grid, the trade dialog, the CSV exports. */
final class JournalPage {

    final Page page;

    JournalPage(Page page) {
        this.page = page;
    }

    /** Opens the journal with {@code query} (e.g. {@code range=all}) and waits until it is shown. */
    static JournalPage open(Page page, String query) {
        page.navigate("/journal" + (query.isEmpty() ? "" : "?" + query));
        Browsers.awaitView(page.locator("#journal-view"));
        return new JournalPage(page);
    }

    /** Types {@code symbol} into the symbol filter and leaves the field (the filter goes into the URL). */
    void filterBySymbol(String symbol) {
        Locator input = page.locator("#journal-symbol input");
        input.fill(symbol);
        input.press("Enter");
        page.waitForURL("**symbol=" + symbol + "**");
        Browsers.awaitView(page.locator("#journal-view"));
    }

    /**
     * The grid's visible cells showing exactly {@code text} (the grid keeps the cells of rows it no longer shows,
     * hidden, with their old text).
     */
    Locator gridCells(String text) {
        return page.locator("#journal-grid vaadin-grid-cell-content").getByText(text, new Locator.GetByTextOptions().setExact(true))
                .filter(new Locator.FilterOptions().setVisible(true));
    }

    /** Opens the trade whose id cell shows {@code tradeId} and waits for its dialog. */
    void openTrade(long tradeId) {
        gridCells(String.valueOf(tradeId)).first().click();
        assertThat(tradeFills()).isVisible();
    }

    /** The trade dialog (its host element has no box of its own: check its text, or {@link #tradeFills()} for visibility). */
    Locator dialog() {
        return page.locator("#trade-dialog");
    }

    /** The open trade's fills grid, visible while the dialog is open. */
    Locator tradeFills() {
        return page.locator("#trade-fills");
    }

    /** Adds a tag in the open trade dialog (a new one is typed and confirmed with Enter). */
    void addTag(String tag) {
        Locator input = page.locator("#trade-dialog vaadin-multi-select-combo-box input");
        input.fill(tag);
        input.press("Enter");
    }

    void writeNote(String markdown) {
        page.locator("#trade-dialog vaadin-text-area textarea").fill(markdown);
    }

    void save() {
        page.locator("#trade-save").click();
    }

    /** Follows the export link {@code id} and returns the downloaded file's text. */
    String export(String id) throws java.io.IOException {
        Download download = page.waitForDownload(() -> page.locator("#" + id).click());
        return java.nio.file.Files.readString(download.path());
    }
}
