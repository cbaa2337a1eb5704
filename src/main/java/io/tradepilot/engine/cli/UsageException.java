package io.tradepilot.engine.cli;

/** Bad input from the user: the message is printed as one line and the process exits with 2. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
