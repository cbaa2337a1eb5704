package io.tradepilot.controls.internal;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import io.tradepilot.security.CurrentUser;

/**
 * The network address of the client whose request is being served, for the audit log: the HTTP
 * request's, or else the Vaadin request's or session's (e.g. inside a push round trip).
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    /** The current client's address, or null outside a request (e.g. the engine). */
    public static String current() {
        String fromRequest = CurrentUser.clientAddress();
        if (fromRequest != null) {
            return fromRequest;
        }
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null) {
            return request.getRemoteAddr();
        }
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getBrowser() != null && session.getBrowser().getAddress() != null) {
            return session.getBrowser().getAddress();
        }
        return null;
    }
}
