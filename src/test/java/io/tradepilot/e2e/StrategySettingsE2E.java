package io.tradepilot.e2e;

import io.tradepilot.strategies.StrategyConfigs;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The strategy settings page as an admin uses it: edit, see the validator's message, fix, store, apply, roll back. The
 * promotion gate on apply is off in PAPER here (PromotionGateIT covers it).
 */
@org.springframework.test.context.TestPropertySource(properties = "tradepilot.strategies.promotion.paper-apply-requires-stage=false")
class StrategySettingsE2E extends BrowserTestSupport {

    @Test
    void an_admin_edits_a_parameter_sees_the_error_fixes_it_applies_and_rolls_back() {
        String id = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String token = users.apiToken(users.admin());
        HttpResponse<String> created = api(token).post("/api/v1/strategies", "{\"type\":\"sma-cross\",\"id\":\"" + id
                + "\",\"symbols\":[\"AAA\"],\"reason\":\"end-to-end test strategy\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        StrategySettingsPage settings = StrategySettingsPage.open(signIn(users.admin()).page).select(id);
        assertThat(settings.parameter("fast").locator("input")).hasValue("10");

        settings.setParameter("fast", "0");
        assertThat(settings.parameter("fast")).containsText("must be between 1 and 100000, got 0");
        assertThat(settings.parameter("fast")).hasAttribute("invalid", "");

        settings.setParameter("fast", "7");
        assertThat(settings.message()).hasText("Valid.");
        assertThat(settings.parameter("fast")).not().hasAttribute("invalid", "");
        settings.reason("faster entries for the test").save();
        assertThat(settings.message()).containsText("Stored " + id + " v2");

        settings.reason("run the faster version");
        settings.apply(2, StrategyConfigs.confirmation(id, 2));
        assertThat(settings.message()).containsText("Applied v2");

        settings.reason("back to the defaults");
        settings.rollback(1);
        assertThat(settings.message()).containsText("Stored v3 equal to v1");
        settings.reason("run the defaults again");
        settings.apply(3, StrategyConfigs.confirmation(id, 3));
        assertThat(settings.message()).containsText("Applied v3");
        settings.showTab("Form");
        assertThat(settings.parameter("fast").locator("input")).hasValue("10");

        HttpResponse<String> history = api(token).get("/api/v1/strategies/" + id);
        assertThat(history.body()).contains("\"version\":3").contains("back to the defaults").contains("\"applied\":true");
    }
}
