package io.tradepilot.controls;

/** The three controls an operator can move. {@link #key()} names the control in storage, the audit log and the API. */
public enum Control {
    TRADING("trading", "Trading"),
    KILL_SWITCH("kill_switch", "Kill switch"),
    CIRCUIT_BREAKER("circuit_breaker", "Circuit breaker");

    private final String key;
    private final String label;

    Control(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }
}
