package io.tradepilot.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The strategy settings view ({@code /strategy-settings}). */
final class StrategySettingsPage {

    final Page page;

    StrategySettingsPage(Page page) {
        this.page = page;
    }

    static StrategySettingsPage open(Page page) {
        page.navigate("/strategy-settings");
        Browsers.awaitView(page.locator("#strategy-settings-view"));
        return new StrategySettingsPage(page);
    }

    StrategySettingsPage select(String id) {
        Locator input = page.locator("#config-strategy input");
        input.fill(id);
        input.press("Enter");
        Browsers.awaitView(page.locator("#strategy-settings-view"));
        return this;
    }

    Locator parameter(String name) {
        return page.locator("#param-" + name);
    }

    /** Types {@code value} into a parameter and leaves the field, which validates the form. */
    StrategySettingsPage setParameter(String name, String value) {
        Locator input = parameter(name).locator("input");
        input.fill(value);
        input.press("Tab");
        return this;
    }

    StrategySettingsPage reason(String text) {
        page.locator("#config-reason input").fill(text);
        return this;
    }

    Locator message() {
        return page.locator("#config-message");
    }

    void save() {
        page.locator("#config-save").click();
    }

    void showTab(String label) {
        page.locator("vaadin-tab").filter(new Locator.FilterOptions().setHasText(label)).click();
    }

    /** Opens the apply dialog of {@code version}, types the confirmation and applies. */
    void apply(int version, String confirmation) {
        showTab("History");
        page.locator("#config-apply-" + version).click();
        page.locator("#apply-confirmation input").fill(confirmation);
        page.locator("#apply-confirm").click();
    }

    void rollback(int version) {
        showTab("History");
        page.locator("#config-rollback-" + version).click();
    }

    Locator history() {
        return page.locator("#config-history");
    }
}
