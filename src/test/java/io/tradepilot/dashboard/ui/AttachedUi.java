package io.tradepilot.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.internal.change.NodeChange;
import com.vaadin.flow.server.VaadinSession;

import java.util.ArrayList;
import java.util.List;

import static org.mockito.Mockito.mock;

/**
 * A UI, without a server, that a component can be attached to, and what it would send to the browser next: the
 * state tree's changes and the JavaScript calls (both taken, so each call sees only what came since the last).
 */
final class AttachedUi {

    private final UI ui = new UI();

    AttachedUi(Component component) {
        ui.getInternals().setSession(mock(VaadinSession.class)); // a mock's lock checks pass
        ui.add(component);
        sent();
    }

    /** The state changes and JavaScript calls queued since the last call, as one list. */
    List<Object> sent() {
        List<Object> sent = new ArrayList<>();
        ui.getInternals().getStateTree().collectChanges(sent::add);
        sent.addAll(ui.getInternals().dumpPendingJavaScriptInvocations());
        return sent;
    }

    /** The state changes queued since the last call. */
    List<NodeChange> changes() {
        List<NodeChange> changes = new ArrayList<>();
        ui.getInternals().getStateTree().collectChanges(changes::add);
        return changes;
    }
}
