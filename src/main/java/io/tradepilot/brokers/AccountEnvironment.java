package io.tradepilot.brokers;

/** Whether an account trades the broker's paper (simulated) or live (real money) environment. */
public enum AccountEnvironment {
    PAPER, LIVE
}
