package io.tradepilot.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The strategies view ({@code /strategies}). */
final class StrategiesPage {

    final Page page;

    StrategiesPage(Page page) {
        this.page = page;
    }

    static StrategiesPage open(Page page) {
        page.navigate("/strategies");
        Browsers.awaitView(page.locator("#strategies-view"));
        return new StrategiesPage(page);
    }

    Locator grid() {
        return page.locator("#strategies-grid");
    }

    /** Every activate/deactivate button on the page. */
    Locator switchButtons() {
        return page.locator("[id^='activate-'], [id^='deactivate-']");
    }
}
