package io.tradepilot.strategies.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.tradepilot.strategies.ConfigVersion;
import io.tradepilot.strategies.Promotion;
import io.tradepilot.strategies.PromotionCheck;
import io.tradepilot.strategies.PromotionGate;
import io.tradepilot.strategies.PromotionStage;
import io.tradepilot.strategies.PromotionThresholds;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The promotion tab of the strategy settings page: the thresholds in force, each version's stage and stored evidence
 * (backtest run, trades, Sharpe, Monte Carlo p95 drawdown, paper days, thresholds version, who, when), and for admins
 * a Promote dialog (stage, the checks as they stand, typed confirmation, reason) whose refusal lists the failing
 * checks, and a thresholds form. Element ids: {@code promotion-thresholds}, {@code promotion-versions}, {@code
 * promotion-message}, {@code promote-<version>}, {@code promote-stage}, {@code promote-checks}, {@code
 * promote-confirmation}, {@code promote-reason}, {@code promote-confirm}.
 */
class PromotionPanel extends VerticalLayout {

    private final PromotionGate gate;
    private final boolean admin;
    final Paragraph thresholds = new Paragraph();
    final Grid<ConfigVersion> versions = new Grid<>();
    final Span message = new Span();
    private List<Promotion> promotions = List.of();
    private String id;
    private List<ConfigVersion> shown = List.of();

    PromotionPanel(PromotionGate gate, boolean admin) {
        this.gate = gate;
        this.admin = admin;
        setPadding(false);
        thresholds.setId("promotion-thresholds");
        message.setId("promotion-message");
        versions.setId("promotion-versions");
        versions.setAllRowsVisible(true);
        versions.addColumn(ConfigVersion::version).setHeader("Version").setAutoWidth(true);
        versions.addColumn(v -> stage(v.version()).map(Promotion::stage).map(Enum::name).orElse("not promoted")).setHeader("Stage").setAutoWidth(true);
        versions.addColumn(v -> stage(v.version()).map(PromotionPanel::evidence).orElse("")).setHeader("Evidence").setFlexGrow(1);
        versions.addColumn(v -> stage(v.version()).map(p -> p.promotedBy() + " " + p.promotedAt()).orElse("")).setHeader("Promoted").setAutoWidth(true);
        if (admin) versions.addComponentColumn(this::promoteButton).setHeader("").setAutoWidth(true);
        add(new Paragraph("A version is marked ready for paper, then ready for live, only when its newest finished backtest (and, for live, its "
                + "paper trading) passes the thresholds; the evidence is stored with the version."), thresholds, message, versions);
        if (admin) add(thresholdsForm());
    }

    /** Shows {@code id}'s versions (newest first) with their stage and evidence. */
    void show(String id, List<ConfigVersion> history) {
        this.id = id;
        this.shown = history;
        PromotionThresholds t = gate.thresholds();
        thresholds.setText("Thresholds v" + t.version() + " (" + t.setBy() + "): " + describe(t));
        promotions = gate.promotions(id);
        versions.setItems(history.reversed());
    }

    static String describe(PromotionThresholds t) {
        return "at least " + t.minTrades() + " trades, Sharpe at least " + t.minSharpe().stripTrailingZeros().toPlainString()
                + ", Monte Carlo p95 max drawdown at most " + pct(t.maxDrawdownP95().doubleValue()) + ", for live at least " + t.minPaperDays()
                + " days of paper trading";
    }

    static String evidence(Promotion p) {
        return "run " + p.runId() + " · " + p.trades() + " trades · Sharpe " + String.format(Locale.ROOT, "%.3f", p.sharpe()) + " · p95 max drawdown "
                + pct(p.maxDrawdownP95()) + " (" + p.mcMethod() + " " + p.mcSimulations() + ", seed " + p.mcSeed() + ")"
                + (p.paperDays() == null ? "" : " · " + p.paperDays() + " paper days") + " · thresholds v" + p.thresholds().version()
                + " · " + p.reason();
    }

    private static String pct(double f) {
        return String.format(Locale.ROOT, "%.2f %%", f * 100);
    }

    private Optional<Promotion> stage(int version) {
        return promotions.stream().filter(p -> p.version() == version).max((a, b) -> a.stage().compareTo(b.stage()));
    }

    private Component promoteButton(ConfigVersion v) {
        Button b = new Button("Promote…", e -> promoteDialog(v));
        b.setId("promote-" + v.version());
        b.setVisible(stage(v.version()).map(p -> p.stage() != PromotionStage.READY_FOR_LIVE).orElse(true));
        return b;
    }

    private void promoteDialog(ConfigVersion v) {
        Dialog d = new Dialog();
        d.setHeaderTitle("Promote " + v.key() + " v" + v.version());
        Select<PromotionStage> stage = new Select<>();
        stage.setLabel("Stage");
        stage.setId("promote-stage");
        stage.setItems(PromotionStage.values());
        Grid<PromotionCheck> checks = new Grid<>();
        checks.setId("promote-checks");
        checks.setAllRowsVisible(true);
        checks.addColumn(c -> c.passed() ? "✓" : "✗").setHeader("").setAutoWidth(true);
        checks.addColumn(PromotionCheck::name).setHeader("Check").setAutoWidth(true);
        checks.addColumn(PromotionCheck::actual).setHeader("Evidence").setAutoWidth(true);
        checks.addColumn(PromotionCheck::required).setHeader("Required").setAutoWidth(true);
        TextField typed = new TextField();
        typed.setId("promote-confirmation");
        typed.setWidthFull();
        TextField reason = new TextField("Reason (required)");
        reason.setId("promote-reason");
        reason.setWidthFull();
        stage.addValueChangeListener(e -> {
            checks.setItems(gate.evaluate(v.key(), v.version(), e.getValue()));
            typed.setLabel("Type '" + PromotionGate.confirmation(v.key(), v.version(), e.getValue()) + "' to confirm");
        });
        stage.setValue(stage(v.version()).isPresent() ? PromotionStage.READY_FOR_LIVE : PromotionStage.READY_FOR_PAPER);
        Button ok = new Button("Promote", e -> {
            if (attempt(() -> gate.promote(v.key(), v.version(), stage.getValue(), typed.getValue(), reason.getValue())) != null) {
                say("Promoted v" + v.version() + " to " + stage.getValue() + ".", false);
                d.close();
                show(id, shown);
            } else {
                checks.setItems(gate.evaluate(v.key(), v.version(), stage.getValue()));
            }
        });
        ok.setId("promote-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.add(new VerticalLayout(stage, checks, typed, reason));
        d.getFooter().add(new Button("Cancel", e -> d.close()), ok);
        d.setWidth("50em");
        d.open();
    }

    private Component thresholdsForm() {
        TextField trades = new TextField("Min trades");
        TextField sharpe = new TextField("Min Sharpe");
        TextField drawdown = new TextField("Max p95 drawdown (0-1)");
        TextField days = new TextField("Min paper days");
        TextField why = new TextField("Reason (required)");
        trades.setId("thresholds-min-trades");
        sharpe.setId("thresholds-min-sharpe");
        drawdown.setId("thresholds-max-drawdown");
        days.setId("thresholds-min-paper-days");
        why.setId("thresholds-reason");
        PromotionThresholds t = gate.thresholds();
        trades.setValue(String.valueOf(t.minTrades()));
        sharpe.setValue(t.minSharpe().toPlainString());
        drawdown.setValue(t.maxDrawdownP95().toPlainString());
        days.setValue(String.valueOf(t.minPaperDays()));
        Button save = new Button("Save thresholds", e -> {
            PromotionThresholds saved;
            try {
                int minTrades = Integer.parseInt(trades.getValue().strip());
                BigDecimal minSharpe = new BigDecimal(sharpe.getValue().strip());
                BigDecimal maxDrawdown = new BigDecimal(drawdown.getValue().strip());
                int minDays = Integer.parseInt(days.getValue().strip());
                saved = attempt(() -> gate.saveThresholds(minTrades, minSharpe, maxDrawdown, minDays, why.getValue()));
            } catch (NumberFormatException bad) {
                say("Every threshold must be a number (trades and days whole numbers).", true);
                return;
            }
            if (saved != null) {
                say("Thresholds v" + saved.version() + " saved.", false);
                if (id != null) show(id, shown);
            }
        });
        save.setId("thresholds-save");
        HorizontalLayout row = new HorizontalLayout(trades, sharpe, drawdown, days, why, save);
        row.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        return row;
    }

    private <T> T attempt(java.util.function.Supplier<T> call) {
        return Messages.attempt(message, call, r -> {
        });
    }

    private void say(String text, boolean error) {
        Messages.say(message, text, error);
    }
}
