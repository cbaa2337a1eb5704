package io.tradepilot.signals;

/** A strategy just created, with its secret: shown this once, stored only sealed. */
public record CreatedWebhookStrategy(WebhookStrategy strategy, String secret) {

    @Override
    public String toString() {
        return "CreatedWebhookStrategy[" + strategy.id() + ", secret hidden]";
    }
}
