package io.tradepilot.trading.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tradepilot.base.format.Amounts;
import io.tradepilot.base.live.LiveFeed;
import io.tradepilot.trading.RiskFigures;
import io.tradepilot.trading.RiskRejection;
import io.tradepilot.trading.RiskRoom;
import jakarta.annotation.security.PermitAll;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The live risk chain: for each configured limit what is used, the cap and the room left (heat, open
 * positions, correlation groups, exposure, buying power, daily loss, drawdown, time to the entry window's
 * close), and the newest orders it refused with their code and reason, pushed live. Read-only.
 * Element ids: {@code risk-view}, {@code risk-limits-grid}, {@code risk-rejections-grid}, {@code risk-no-engine}.
 */
@Route("risk")
@PageTitle("Risk · Tradepilot")
@Menu(title = "Risk", order = 2.5, icon = "vaadin:shield")
@PermitAll
class RiskView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    final Grid<RiskRoom.Limit> limits = new Grid<>();
    final Grid<RiskRejection> rejections = new Grid<>();
    final Span noEngine = new Span("This instance does not run the engine: no live figures (refusals below come from the ledger).");
    private final Span at = new Span();
    private RiskBoard shown;
    private String currency = "INR";

    RiskView(RiskFigures figures, LiveFeed<RiskBoard> feed) {
        setId("risk-view");
        setWidthFull();
        noEngine.setId("risk-no-engine");

        limits.setId("risk-limits-grid");
        limits.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        limits.addColumn(RiskRoom.Limit::name).setHeader("Limit").setAutoWidth(true);
        limits.addColumn(l -> figure(l, l.used())).setHeader("Used").setAutoWidth(true);
        limits.addColumn(l -> figure(l, l.cap())).setHeader("Cap").setAutoWidth(true);
        limits.addColumn(l -> figure(l, l.left())).setHeader("Room left").setAutoWidth(true);
        limits.addColumn(RiskView::usage).setHeader("Used of cap").setAutoWidth(true);
        limits.addColumn(RiskRoom.Limit::code).setHeader("Refused with").setAutoWidth(true);
        limits.addColumn(RiskRoom.Limit::note).setHeader("").setFlexGrow(1);
        limits.setAllRowsVisible(true);

        rejections.setId("risk-rejections-grid");
        rejections.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        rejections.addColumn(r -> TIME.format(r.at())).setHeader("Market time").setAutoWidth(true);
        rejections.addColumn(RiskRejection::clientOrderId).setHeader("Order").setAutoWidth(true);
        rejections.addColumn(RiskRejection::code).setHeader("Code").setAutoWidth(true);
        rejections.addColumn(RiskRejection::reason).setHeader("Reason").setFlexGrow(1);
        rejections.setHeight("24rem");

        add(new H2("Risk"), at, noEngine, limits, new H3("Refused orders (newest first)"), rejections);
        show(feed.latest().orElseGet(() -> RiskBoard.read(figures)));
        feed.subscribeWhileAttached(this, this::show);
    }

    /** Shows {@code board}; an equal board changes nothing. */
    void show(RiskBoard board) {
        if (board.equals(shown)) return;
        shown = board;
        boolean live = board.room() != null;
        noEngine.setVisible(!live);
        limits.setVisible(live);
        if (live) {
            currency = board.room().currency();
            at.setText("As of " + TIME.format(board.room().at()) + " (market time)");
            limits.setItems(board.room().limits());
        } else {
            at.setText("");
        }
        rejections.setItems(board.rejections());
    }

    private String figure(RiskRoom.Limit l, BigDecimal v) {
        return switch (l.unit()) {
            case MONEY -> Amounts.money(v, currency);
            case FRACTION -> Amounts.percent(v);
            case COUNT -> v.toPlainString();
            case MINUTES -> v.toPlainString() + " min";
        };
    }

    /** The used part of the cap as a percentage, "full" when no room is left. */
    static String usage(RiskRoom.Limit l) {
        if (l.left().signum() == 0) return "full";
        return Amounts.percent(Amounts.ratio(l.used(), l.cap()));
    }
}
