package io.tradepilot.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The positions view ({@code /positions}): the open positions grid, Close per row, Flatten all. */
final class PositionsPage {

    final Page page;

    PositionsPage(Page page) {
        this.page = page;
    }

    static PositionsPage open(Page page) {
        page.navigate("/positions");
        Browsers.awaitView(page.locator("#positions-view"));
        return new PositionsPage(page);
    }

    /** The grid cells showing {@code symbol} (none when no position in it is open). */
    Locator row(String symbol) {
        return page.locator("#positions-grid vaadin-grid-cell-content").getByText(symbol, new Locator.GetByTextOptions().setExact(true));
    }

    Locator closeButton(String symbol) {
        return page.locator("#close-" + symbol);
    }

    Locator flattenButton() {
        return page.locator("#flatten-all");
    }

    /** A field of the open action dialog: visible exactly while a dialog is open (the dialog host itself has no box). */
    Locator dialogReason() {
        return page.locator("#reason-field");
    }

    Locator dialogError() {
        return page.locator("#dialog-error");
    }

    /** Closes all of {@code symbol} with {@code reason} and waits for the dialog to close. */
    void close(String symbol, String reason) {
        closeButton(symbol).click();
        page.locator("#reason-field textarea").fill(reason);
        page.locator("#confirm-button").click();
        assertThat(page.locator("#reason-field")).isHidden();
    }

    /** Opens "Flatten all", enters the reason and the typed word, submits; leaves the dialog as it ends. */
    void submitFlatten(String reason, String word) {
        if (!page.locator("#confirm-field").isVisible()) flattenButton().click();
        page.locator("#reason-field textarea").fill(reason);
        page.locator("#confirm-field input").fill(word);
        page.locator("#confirm-button").click();
    }
}
