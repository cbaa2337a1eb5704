package io.tradepilot.controls.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tradepilot.controls.TradingModeRefusal;
import io.tradepilot.controls.TradingModeState;
import io.tradepilot.controls.TradingModes;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.Roles;
import jakarta.annotation.security.RolesAllowed;

import java.util.function.Supplier;

/**
 * The trading mode page: PAPER or LIVE and the LIVE size factor. Admins switch to LIVE (typing
 * {@value TradingModes#CONFIRMATION}) and raise the size factor; operators and admins drop back to PAPER. The service
 * checks the role and the gates again and audits every attempt.
 */
@Route("trading-mode")
@PageTitle("Trading mode · Tradepilot")
@Menu(title = "Trading mode", order = 86, icon = "vaadin:power-off")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
class TradingModeView extends VerticalLayout {

    private final TradingModes modes;
    final Paragraph state = new Paragraph();
    final Paragraph outcome = new Paragraph();
    final TextField confirmation = new TextField("Type " + TradingModes.CONFIRMATION);
    final TextArea reason = new TextArea("Reason (optional)");
    final Button live = new Button("Switch to LIVE");
    final Button raise = new Button("Raise size factor");
    final Button paper = new Button("Back to PAPER");

    TradingModeView(TradingModes modes) {
        this.modes = modes;
        state.setId("trading-mode-state");
        outcome.setId("trading-mode-outcome");
        confirmation.setId("trading-mode-confirmation");
        live.setId("trading-mode-live");
        raise.setId("trading-mode-raise");
        paper.setId("trading-mode-paper");
        live.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        live.addClickListener(e -> act(() -> modes.switchToLive(confirmation.getValue(), reason.getValue())));
        raise.addClickListener(e -> act(() -> modes.raiseSizeFactor(reason.getValue())));
        paper.addClickListener(e -> act(() -> modes.dropToPaper(reason.getValue())));
        add(new H2("Trading mode"), new Paragraph("PAPER trades the built-in paper venue. LIVE sends orders to the connected broker "
                + "account with real money; it needs no open paper positions, a connected live account, a clean reconciliation and "
                + "the trading day's completed pre-flight (Runbook → Pre-flight), and starts at 10 % of each computed size."), state);
        boolean admin = CurrentUser.role().filter(r -> r == Roles.Role.ADMIN).isPresent();
        boolean operator = admin || CurrentUser.role().filter(r -> r == Roles.Role.OPERATOR).isPresent();
        if (admin) add(confirmation, reason, live, raise);
        if (operator) add(paper);
        add(outcome);
        refresh();
    }

    private void act(Supplier<TradingModeState> action) {
        try {
            TradingModeState s = action.get();
            outcome.setText("Done: " + describe(s));
            confirmation.clear();
        } catch (TradingModeRefusal r) {
            outcome.setText(r.getMessage() + " (" + r.code() + ")");
        }
        refresh();
    }

    void refresh() {
        TradingModeState s = modes.current();
        state.setText(describe(s));
        live.setEnabled(!s.live());
        raise.setEnabled(s.live());
        paper.setEnabled(s.live());
    }

    static String describe(TradingModeState s) {
        return s.mode() + (s.live() ? " at size factor " + s.sizeFactor().movePointRight(2).stripTrailingZeros().toPlainString() + " %" : "")
                + ", set by " + s.changedBy() + (s.reason() == null ? "" : " (" + s.reason() + ")") + ".";
    }
}
