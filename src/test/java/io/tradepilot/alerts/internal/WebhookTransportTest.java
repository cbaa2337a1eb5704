package io.tradepilot.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class WebhookTransportTest {

    @Test
    void no_part_of_a_webhook_url_survives_in_a_failure_message() {
        String url = "https://hooks.slack.com/services/T0ABC/B0DEF/xyzTokenXYZ?auth=querySecret";
        var parts = WebhookTransport.secretParts(URI.create(url), url);
        String echoed = "404 no such path /services/T0ABC/B0DEF/xyzTokenXYZ; token xyzTokenXYZ; auth=querySecret; at " + url;
        String scrubbed = DeliveryFailure.scrubbed(echoed, parts);
        assertThat(scrubbed).doesNotContain("xyzTokenXYZ").doesNotContain("querySecret").doesNotContain("T0ABC")
                .doesNotContain("B0DEF").startsWith("404 no such path");
    }
}
