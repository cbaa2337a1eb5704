package io.tradepilot.controls.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.tradepilot.controls.TradingModeRefusal;
import io.tradepilot.controls.TradingModeState;
import io.tradepilot.controls.TradingModes;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.Roles;
import org.springframework.stereotype.Component;

/**
 * In LIVE, a red banner on every page of a signed-in user (fixed at the bottom of the window), saying that orders go to
 * a real-money account and at which size factor, with "Back to PAPER" for operators and admins (at once, audited by
 * the service). Checked on every navigation.
 */
@Component
class LiveModeBanner implements VaadinServiceInitListener {

    static final String ID = "live-mode-banner";

    private final TradingModes modes;

    LiveModeBanner(TradingModes modes) {
        this.modes = modes;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(enter -> refresh(enter.getUI())));
    }

    void refresh(UI ui) {
        ui.getChildren().filter(c -> c.getId().filter(ID::equals).isPresent()).toList().forEach(ui::remove);
        if (CurrentUser.role().isEmpty()) return;
        TradingModeState state = modes.current();
        if (!state.live()) return;
        ui.add(banner(state));
    }

    Div banner(TradingModeState state) {
        Div banner = new Div();
        banner.setId(ID);
        banner.getStyle().set("position", "fixed").set("left", "0").set("right", "0").set("bottom", "0").set("z-index", "10000")
                .set("background", "#c62828").set("color", "white").set("padding", "6px 16px").set("font-weight", "bold")
                .set("display", "flex").set("gap", "16px").set("align-items", "center");
        banner.add(new Span("LIVE TRADING: orders go to a real-money account (size factor "
                + state.sizeFactor().movePointRight(2).stripTrailingZeros().toPlainString() + " %)."));
        if (CurrentUser.role().filter(r -> r == Roles.Role.ADMIN || r == Roles.Role.OPERATOR).isPresent()) {
            Button paper = new Button("Back to PAPER");
            paper.setId("live-mode-back-to-paper");
            paper.addThemeVariants(ButtonVariant.LUMO_CONTRAST, ButtonVariant.LUMO_SMALL);
            paper.addClickListener(e -> {
                try {
                    modes.dropToPaper("from the LIVE banner");
                } catch (TradingModeRefusal ignored) {
                    // already PAPER: the refresh below shows it
                }
                UI.getCurrent().getPage().reload();
            });
            banner.add(paper);
        }
        return banner;
    }
}
