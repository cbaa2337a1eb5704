package io.tradepilot.backtests.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tradepilot.backtests.BacktestRefusal;
import io.tradepilot.backtests.BacktestRun;
import io.tradepilot.backtests.Backtests;
import io.tradepilot.security.Roles;
import jakarta.annotation.security.RolesAllowed;

/**
 * Starts a backtest (operators and admins): the {@link BacktestForm}; a refusal shows on its field, a queued run goes
 * back to the list where its progress shows. Element ids: {@code backtest-run-view}, {@code backtest-submit}.
 */
@Route("backtests/new")
@PageTitle("New backtest · Tradepilot")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
class BacktestRunView extends VerticalLayout {

    final BacktestForm form;

    BacktestRunView(Backtests backtests) {
        setId("backtest-run-view");
        form = new BacktestForm(backtests.configurations(), backtests.series(), backtests.universes());
        Button submit = new Button("Run backtest", e -> {
            try {
                BacktestRun run = backtests.submit(form.request());
                Notification.show("Backtest " + run.id() + " queued");
                getUI().ifPresent(ui -> ui.navigate(BacktestsView.class));
            } catch (BacktestRefusal refusal) {
                if (!form.show(refusal)) Notification.show(refusal.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        submit.setId("backtest-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2("New backtest"), form, submit);
    }
}
