package io.tradepilot.base;

import com.vaadin.flow.component.Component;

/**
 * Something a module shows in the header of every signed-in view, left of the user's name (e.g. the alerts'
 * unacknowledged count). A Spring bean; {@link MainLayout} asks each for a new component per layout, in bean order.
 * The component reads as the signed-in user and must not fail the layout (show nothing instead).
 */
@FunctionalInterface
public interface HeaderItem {

    /** A new component for one layout instance. */
    Component create();
}
