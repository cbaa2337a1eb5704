package io.tradepilot.security;

/** The three roles of Tradepilot. Each role includes everything the one below it may do. */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String OPERATOR = "OPERATOR";
    public static final String VIEWER = "VIEWER";

    private Roles() {
    }
}
