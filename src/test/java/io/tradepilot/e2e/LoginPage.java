package io.tradepilot.e2e;

import com.microsoft.playwright.Page;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The sign-in view ({@code /login}). */
final class LoginPage {

    private final Page page;

    LoginPage(Page page) {
        this.page = page;
    }

    /** Opens the application, which sends an anonymous visitor to the sign-in form. */
    LoginPage open() {
        page.navigate("/");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
        Browsers.awaitView(page.locator("#login-form"));
        return this;
    }

    DashboardPage signIn(String username, String password) {
        submit(username, password);
        return new DashboardPage(page).waitUntilShown();
    }

    /** Fills in and submits the form, without waiting for what follows. */
    void submit(String username, String password) {
        page.locator("#login-form input[name='username']").fill(username);
        page.locator("#login-form input[name='password']").fill(password);
        page.locator("#login-form input[name='password']").press("Enter");
    }
}
