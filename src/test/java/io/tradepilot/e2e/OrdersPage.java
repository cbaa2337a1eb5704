package io.tradepilot.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The orders view ({@code /orders}): working and recent orders, Cancel, Cancel all, the order ticket. */
final class OrdersPage {

    final Page page;

    OrdersPage(Page page) {
        this.page = page;
    }

    static OrdersPage open(Page page) {
        page.navigate("/orders");
        Browsers.awaitView(page.locator("#orders-view"));
        return new OrdersPage(page);
    }

    Locator newOrderButton() {
        return page.locator("#new-order");
    }

    Locator cancelAllButton() {
        return page.locator("#cancel-all");
    }

    Locator workingOrders() {
        return page.locator("#working-orders-grid");
    }

    Locator recentOrders() {
        return page.locator("#recent-orders-grid");
    }

    Locator preview() {
        return page.locator("#order-preview");
    }

    /**
     * Opens the ticket, enters a MARKET DAY order ({@code side} BUY or SELL), previews it and waits until the
     * preview accepts it; the ticket stays open, ready to confirm.
     */
    void previewMarketOrder(String symbol, String side, String quantity, String reason) {
        newOrderButton().click();
        assertThat(page.locator("#ticket-symbol")).isVisible();
        Locator symbolInput = page.locator("#ticket-symbol input");
        symbolInput.fill(symbol);
        symbolInput.press("Enter");
        if (!"BUY".equals(side)) {
            page.locator("#ticket-side").click();
            page.locator("vaadin-select-item").getByText(side, new Locator.GetByTextOptions().setExact(true)).click();
        }
        page.locator("#ticket-quantity input").fill(quantity);
        page.locator("#ticket-quantity input").press("Tab");
        page.locator("#reason-field textarea").fill(reason);
        page.locator("#preview-button").click();
        assertThat(preview()).containsText("Accepted");
    }

    /** Confirms the previewed order and waits for the ticket to close. */
    void confirm() {
        page.locator("#confirm-button").click();
        assertThat(page.locator("#ticket-symbol")).isHidden();
    }
}
