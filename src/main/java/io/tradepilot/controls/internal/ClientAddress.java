package io.tradepilot.controls.internal;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The network address of the client whose request is being served, for the audit log. */
public final class ClientAddress {

    private ClientAddress() {
    }

    /** The current client's address, or an empty string outside a request (e.g. the engine). */
    public static String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null) {
            return request.getRemoteAddr();
        }
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getBrowser() != null && session.getBrowser().getAddress() != null) {
            return session.getBrowser().getAddress();
        }
        return "";
    }
}
