package io.tradepilot.backtests.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import io.tradepilot.backtests.BacktestRefusal;
import io.tradepilot.backtests.RunState;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.Roles;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * The page of one long-running research job ({@code <route>/:id}, e.g. a sweep or a walk-forward): it reads the job
 * named by the route's {@code id}, shows its state as a badge and its progress (refreshed every second by {@link
 * Polling} until the job is terminal or gone), offers cancel to operators and admins while it runs, and shows the
 * job's result once, when it is DONE. An unknown or malformed id shows "No such &lt;noun&gt;" and the list's link.
 * Element ids: {@code <prefix>-view}, {@code <prefix>-status}, {@code <prefix>-progress}, {@code <prefix>-cancel};
 * the subclass lays out the page ({@link #layout}) and the result ({@link #showResult}).
 *
 * @param <I> the job's state as its service answers it
 */
abstract class JobView<I> extends VerticalLayout implements BeforeEnterObserver {

    private final boolean operator = CurrentUser.role().map(r -> r.includes(Roles.Role.OPERATOR)).orElse(false);
    private final Span status = new Span();
    private final ProgressMeter progress = new ProgressMeter();
    private final Button cancel;
    private final String noun;
    private final String listRoute;
    private final String listText;
    private final LongFunction<I> read;
    private final LongFunction<I> cancelJob;
    private final Function<I, RunState> state;
    /** Where {@link #showResult} puts the result; emptied on every navigation. */
    final Div result = new Div();
    private long id;
    private boolean shown;

    /**
     * @param prefix    the element ids' prefix
     * @param noun      the job's name in texts, capitalised ("Sweep": "Cancel sweep", "Sweep 7 cancelled", "No such sweep")
     * @param listRoute the route of all such jobs, linked from the page
     * @param listText  that link's text
     * @param read      reads the job by id; a {@link BacktestRefusal} when there is none (or it may not be read)
     * @param cancel    cancels the job by id and answers its new state; a {@link BacktestRefusal} when refused
     * @param state     the job's state
     */
    JobView(String prefix, String noun, String listRoute, String listText, LongFunction<I> read, LongFunction<I> cancel,
            Function<I, RunState> state) {
        this.noun = noun;
        this.listRoute = listRoute;
        this.listText = listText;
        this.read = read;
        this.cancelJob = cancel;
        this.state = state;
        Polling.whileAttached(this, () -> {
            try {
                I job = read.apply(id);
                update(job);
                return !state.apply(job).terminal();
            } catch (BacktestRefusal gone) {
                return false;
            }
        });
        setId(prefix + "-view");
        status.setId(prefix + "-status");
        progress.setId(prefix + "-progress");
        this.cancel = new Button("Cancel " + noun.toLowerCase(Locale.ROOT));
        this.cancel.setId(prefix + "-cancel");
        this.cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        this.cancel.addClickListener(e -> cancelClicked());
        result.setWidthFull();
    }

    /**
     * A job's progress for the status line ({@code <state> · <done> / <total> <units> · <n> workers · <error>}) and the
     * progress meter: {@code done} of {@code total} job parts, {@code units} naming them (and what follows them, e.g.
     * "chunks · 12 cells"), the workers that computed parts (named when more than one), the error (null when none).
     */
    record Progress(int done, int total, String units, int workers, String error) {
    }

    /** {@code job}'s progress. */
    abstract Progress progressOf(I job);

    /**
     * Fills the page for {@code job} (just read on navigation): the subclass adds its heading and controls,
     * {@code statusBar} (status, progress, cancel) and {@link #result}.
     */
    abstract void layout(I job, Component statusBar);

    /** Shows the DONE job's result in {@link #result}. */
    abstract void showResult();

    /** The job the page shows. */
    final long id() {
        return id;
    }

    /** Whether the job's result is shown (it was DONE since the page was entered). */
    final boolean shown() {
        return shown;
    }

    /** A link to the list of all such jobs. */
    final Anchor listLink() {
        return new Anchor(listRoute, listText);
    }

    @Override
    public final void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        result.removeAll();
        shown = false;
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            I job = read.apply(id);
            layout(job, new HorizontalLayout(status, progress, cancel));
            update(job);
        } catch (NumberFormatException | BacktestRefusal unknown) {
            add(new H2("No such " + noun.toLowerCase(Locale.ROOT)), listLink());
        }
    }

    private void update(I job) {
        RunState now = state.apply(job);
        Progress p = progressOf(job);
        status.setText(now + " · " + p.done() + " / " + p.total() + " " + p.units() + (p.workers() > 1 ? " · " + p.workers() + " workers" : "")
                + (p.error() == null ? "" : " · " + p.error()));
        status.getElement().getThemeList().clear();
        status.getElement().getThemeList().add("badge " + SweepsView.badge(now));
        progress.setValue(p.total() == 0 ? 0 : (double) p.done() / p.total());
        cancel.setVisible(operator && !now.terminal());
        if (now == RunState.DONE && !shown) {
            shown = true;
            showResult();
        }
    }

    private void cancelClicked() {
        try {
            update(cancelJob.apply(id));
            Notification.show(noun + " " + id + " cancelled");
        } catch (BacktestRefusal refusal) {
            Notification.show(refusal.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
