package io.tradepilot.backtests.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.tradepilot.backtests.BacktestData;
import io.tradepilot.backtests.BacktestMode;
import io.tradepilot.backtests.BacktestRefusal;
import io.tradepilot.backtests.CorrelationGroups;
import io.tradepilot.backtests.BacktestRequest;
import io.tradepilot.backtests.Backtests;
import io.tradepilot.backtests.FeeModel;
import io.tradepilot.backtests.FillModel;
import io.tradepilot.backtests.SlippageModel;
import io.tradepilot.strategies.Universe;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run form: a stored configuration version or a draft document, the instruments (symbols, or a named universe
 * whose symbols without stored data are listed under it), dates (by default the range the chosen symbols have in
 * common, following the choice), the mode (independent runs or a
 * portfolio with its limits, shown only for a portfolio), cash, quantity, fill, fee and slippage models. {@link #request()} reads it; {@link #show(BacktestRefusal)} puts a refusal's message on the field
 * it names. Testable without a browser. Element ids: {@code backtest-source}, {@code backtest-config}, {@code
 * backtest-draft}, {@code backtest-instruments}, {@code backtest-symbols}, {@code backtest-universe}, {@code
 * backtest-universe-report}, {@code backtest-from}, {@code backtest-to}, {@code backtest-cash}, {@code
 * backtest-quantity}, {@code backtest-fill}, {@code backtest-fee}, {@code backtest-fee-value}, {@code
 * backtest-slippage}, {@code backtest-slippage-value}, {@code backtest-close-at-end}, {@code backtest-cash-only},
 * {@code backtest-label}, {@code backtest-mode}, {@code backtest-max-positions}, {@code backtest-heat-cap}, {@code
 * backtest-buying-power}.
 */
final class BacktestForm extends FormLayout {

    static final String STORED = "Stored version";
    static final String DRAFT = "Draft document";
    static final String SYMBOLS = "Symbols";
    static final String UNIVERSE = "Universe";
    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

    final Select<String> source = new Select<>();
    final Select<Backtests.StoredConfiguration> config = new Select<>();
    final TextArea draft = new TextArea("Draft (YAML or JSON)");
    final Select<String> instruments = new Select<>();
    final MultiSelectComboBox<String> symbols = new MultiSelectComboBox<>("Symbols");
    final Select<Universe> universe = new Select<>();
    final Span universeReport = new Span();
    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final Select<BacktestMode> mode = new Select<>();
    final IntegerField maxPositions = new IntegerField("Max open positions");
    final BigDecimalField heatCap = new BigDecimalField("Heat cap (fraction of equity)");
    final Checkbox buyingPower = new Checkbox("Refuse entries the account's cash cannot pay for (buying power)");
    final BigDecimalField misLeverage = new BigDecimalField("MIS leverage (every symbol intraday)");
    final TextField correlationGroups = new TextField("Correlation groups");
    final IntegerField maxPositionsPerGroup = new IntegerField("Max positions per group");
    final BigDecimalField cash = new BigDecimalField("Cash per symbol");
    final BigDecimalField quantity = new BigDecimalField("Quantity");
    final Select<FillModel> fill = new Select<>();
    final Select<FeeModel> fee = new Select<>();
    final BigDecimalField feeValue = new BigDecimalField("Fee %");
    final Select<SlippageModel> slippage = new Select<>();
    final BigDecimalField slippageValue = new BigDecimalField("Slippage (bps or ticks)");
    final Checkbox closeAtEnd = new Checkbox("Close open positions at the end");
    final Checkbox cashOnly = new Checkbox("Refuse entries the cash cannot pay for");
    final TextField label = new TextField("Label (optional)");

    private final Map<String, BacktestData.SeriesInfo> series = new LinkedHashMap<>();

    BacktestForm(List<Backtests.StoredConfiguration> configurations, List<BacktestData.SeriesInfo> series) {
        this(configurations, series, List.of());
    }

    BacktestForm(List<Backtests.StoredConfiguration> configurations, List<BacktestData.SeriesInfo> series, List<Universe> universes) {
        series.forEach(s -> this.series.put(s.symbol(), s));
        source.setId("backtest-source");
        source.setLabel("Strategy configuration");
        source.setItems(STORED, DRAFT);
        config.setId("backtest-config");
        config.setLabel("Stored configuration");
        config.setItems(configurations);
        config.setItemLabelGenerator(c -> c.id() + " v" + c.version() + " (" + c.type() + ")");
        draft.setId("backtest-draft");
        draft.setPlaceholder("type: sma-cross\nname: my-draft\nsymbols: [SYNTH-ALPHA]\nparameters: {fast: 10, slow: 30}\n");
        draft.setMinHeight("8em");
        source.addValueChangeListener(e -> {
            config.setVisible(STORED.equals(e.getValue()));
            draft.setVisible(DRAFT.equals(e.getValue()));
        });
        source.setValue(configurations.isEmpty() ? DRAFT : STORED);
        if (!configurations.isEmpty()) config.setValue(configurations.getLast());
        instruments.setId("backtest-instruments");
        instruments.setLabel("Instruments");
        instruments.setItems(SYMBOLS, UNIVERSE);
        instruments.setValue(SYMBOLS);
        symbols.setId("backtest-symbols");
        symbols.setItems(series.stream().map(BacktestData.SeriesInfo::symbol).toList());
        universe.setId("backtest-universe");
        universe.setLabel("Universe");
        universe.setItems(universes);
        universe.setItemLabelGenerator(u -> u.name() + " (" + u.exchange() + ", " + u.symbols().size() + " symbols)");
        universeReport.setId("backtest-universe-report");
        from.setId("backtest-from");
        to.setId("backtest-to");
        instruments.addValueChangeListener(e -> showInstruments());
        symbols.addValueChangeListener(e -> commonRange());
        universe.addValueChangeListener(e -> {
            universeReport.setText(report(e.getValue()));
            commonRange();
        });
        config.addValueChangeListener(e -> {
            if (e.getValue() != null && symbols.isEmpty() && universe.isEmpty()) choose(e.getValue(), universes);
        });
        series.stream().filter(s -> s.first() != null).findFirst().ifPresent(s -> {
            from.setValue(LocalDate.ofInstant(s.first(), ZONE));
            to.setValue(LocalDate.ofInstant(s.last(), ZONE));
        });
        if (config.getValue() != null) choose(config.getValue(), universes);
        showInstruments();
        mode.setId("backtest-mode");
        mode.setLabel("Mode");
        mode.setItems(BacktestMode.values());
        mode.setItemLabelGenerator(m -> m == BacktestMode.PORTFOLIO ? "Portfolio: one account, shared cash, risk limits"
                : "Independent single-symbol runs");
        maxPositions.setId("backtest-max-positions");
        maxPositions.setHelperText("0: no limit; entries not yet filled count");
        maxPositions.setMin(0);
        heatCap.setId("backtest-heat-cap");
        heatCap.setHelperText("e.g. 0.5; empty: off");
        buyingPower.setId("backtest-buying-power");
        misLeverage.setId("backtest-mis-leverage");
        misLeverage.setHelperText("1 to 100, e.g. 5; needs buying power; empty: delivery, paid in full");
        correlationGroups.setId("backtest-correlation-groups");
        correlationGroups.setHelperText("e.g. banks: HDFCBANK, ICICIBANK; it: INFY, TCS (symbols of this run, each in one group); empty: off");
        maxPositionsPerGroup.setId("backtest-max-positions-per-group");
        maxPositionsPerGroup.setHelperText("with groups; empty: 1");
        maxPositionsPerGroup.setMin(1);
        mode.addValueChangeListener(e -> showMode(e.getValue()));
        mode.setValue(BacktestMode.INDEPENDENT);
        showMode(BacktestMode.INDEPENDENT);
        cash.setId("backtest-cash");
        cash.setValue(new BigDecimal("1000000"));
        quantity.setId("backtest-quantity");
        quantity.setValue(new BigDecimal("100"));
        quantity.setHelperText("Empty when the configuration sizes by risk_per_trade");
        fill.setId("backtest-fill");
        fill.setLabel("Fill");
        fill.setItems(FillModel.values());
        fill.setValue(FillModel.NEXT_OPEN);
        fee.setId("backtest-fee");
        fee.setLabel("Fees");
        fee.setItems(FeeModel.values());
        fee.setValue(FeeModel.NONE);
        feeValue.setId("backtest-fee-value");
        fee.addValueChangeListener(e -> feeValue.setVisible(e.getValue() == FeeModel.PERCENT));
        feeValue.setVisible(false);
        slippage.setId("backtest-slippage");
        slippage.setLabel("Slippage");
        slippage.setItems(SlippageModel.values());
        slippage.setValue(SlippageModel.NONE);
        slippageValue.setId("backtest-slippage-value");
        slippage.addValueChangeListener(e -> slippageValue.setVisible(e.getValue() != SlippageModel.NONE));
        slippageValue.setVisible(false);
        closeAtEnd.setId("backtest-close-at-end");
        cashOnly.setId("backtest-cash-only");
        label.setId("backtest-label");
        add(source, config, draft, instruments, symbols, universe, universeReport, from, to, mode, maxPositions, heatCap, buyingPower, misLeverage, correlationGroups, maxPositionsPerGroup, cash, quantity, fill, fee, feeValue, slippage,
                slippageValue, closeAtEnd, cashOnly, label);
        setColspan(draft, 2);
        setColspan(symbols, 2);
        setColspan(universeReport, 2);
    }

    /** Takes a stored version's instruments: its universe when it names one, else its symbols that have stored data. */
    private void choose(Backtests.StoredConfiguration c, List<Universe> universes) {
        Optional<Universe> named = c.universe() == null ? Optional.empty() : universes.stream().filter(u -> u.name().equals(c.universe())).findFirst();
        if (named.isPresent()) {
            instruments.setValue(UNIVERSE);
            universe.setValue(named.get());
        } else {
            symbols.setValue(c.symbols().stream().filter(series::containsKey).toList());
        }
    }

    private boolean onUniverse() {
        return UNIVERSE.equals(instruments.getValue());
    }

    private void showInstruments() {
        symbols.setVisible(!onUniverse());
        universe.setVisible(onUniverse());
        universeReport.setVisible(onUniverse());
        commonRange();
    }

    /** The symbols chosen now: the universe's (all of them) or those picked one by one. */
    private List<String> chosen() {
        if (onUniverse()) return universe.getValue() == null ? List.of() : universe.getValue().symbols();
        return new ArrayList<>(symbols.getSelectedItems());
    }

    /**
     * Sets the dates to the range every chosen symbol with stored data has bars in (the latest first bar to the earliest
     * last bar); leaves them alone when nothing with data is chosen or those ranges do not overlap.
     */
    private void commonRange() {
        commonRange(chosen().stream().map(series::get).filter(s -> s != null && s.first() != null && s.bars() > 0).toList())
                .ifPresent(r -> {
                    from.setValue(r.getFirst());
                    to.setValue(r.getLast());
                });
    }

    /** The first and last exchange-local day all of {@code chosen} have bars in; empty when none or they do not overlap. */
    static Optional<List<LocalDate>> commonRange(Collection<BacktestData.SeriesInfo> chosen) {
        if (chosen.isEmpty()) return Optional.empty();
        Instant first = chosen.stream().map(BacktestData.SeriesInfo::first).max(Instant::compareTo).orElseThrow();
        Instant last = chosen.stream().map(BacktestData.SeriesInfo::last).min(Instant::compareTo).orElseThrow();
        if (first.isAfter(last)) return Optional.empty();
        return Optional.of(List.of(LocalDate.ofInstant(first, ZONE), LocalDate.ofInstant(last, ZONE)));
    }

    /** What the universe holds against the stored data: every symbol without a stored series is named. */
    private String report(Universe u) {
        if (u == null) return "";
        List<String> missing = u.symbols().stream().filter(s -> !series.containsKey(s) || series.get(s).bars() == 0).toList();
        if (missing.isEmpty()) return u.symbols().size() + " symbols, all with stored data: " + String.join(", ", u.symbols()) + ".";
        return u.symbols().size() + " symbols; no stored data for " + missing.size() + ": " + String.join(", ", missing)
                + ". A run on this universe is refused until they are imported (Data page); or choose symbols one by one.";
    }

    /** Shows the portfolio's limits for PORTFOLIO (cash is then the account's) and cash only for INDEPENDENT. */
    private void showMode(BacktestMode m) {
        boolean portfolio = m == BacktestMode.PORTFOLIO;
        maxPositions.setVisible(portfolio);
        heatCap.setVisible(portfolio);
        buyingPower.setVisible(portfolio);
        misLeverage.setVisible(portfolio);
        correlationGroups.setVisible(portfolio);
        maxPositionsPerGroup.setVisible(portfolio);
        cashOnly.setVisible(!portfolio);
        cash.setLabel(portfolio ? "Account cash" : "Cash per symbol");
        if (portfolio) {
            if (maxPositions.getValue() == null) maxPositions.setValue(0);
            buyingPower.setValue(true);
            cashOnly.setValue(false);
        }
    }

    /** The request the form holds now; refuses (on {@code correlationGroups}) groups text {@link CorrelationGroups#parse} does not take. */
    BacktestRequest request() {
        boolean stored = STORED.equals(source.getValue());
        boolean portfolio = mode.getValue() == BacktestMode.PORTFOLIO;
        Backtests.StoredConfiguration c = config.getValue();
        return new BacktestRequest(label.getValue(), stored && c != null ? c.id() : null, stored && c != null ? c.version() : null,
                stored ? null : draft.getValue(), onUniverse() ? List.of() : new ArrayList<>(symbols.getSelectedItems()), from.getValue(), to.getValue(), cash.getValue(),
                quantity.getValue(), fill.getValue(), fee.getValue(), feeValue.getValue(), slippage.getValue(), slippageValue.getValue(),
                closeAtEnd.getValue(), portfolio ? null : cashOnly.getValue(), mode.getValue(), portfolio ? maxPositions.getValue() : null,
                portfolio ? heatCap.getValue() : null, portfolio ? buyingPower.getValue() : null, portfolio ? misLeverage.getValue() : null,
                portfolio ? CorrelationGroups.parse(correlationGroups.getValue()) : null, portfolio ? maxPositionsPerGroup.getValue() : null,
                onUniverse() && universe.getValue() != null ? universe.getValue().name() : null);
    }

    /** Clears every field's error, then shows {@code refusal}'s message on the field it names; answers whether one was named. */
    boolean show(BacktestRefusal refusal) {
        Map<String, HasValidation> fields = fields();
        fields.values().forEach(f -> f.setInvalid(false));
        HasValidation field = refusal == null || refusal.field() == null ? null : fields.get(refusal.field());
        if (field == null) return false;
        field.setErrorMessage(refusal.getMessage());
        field.setInvalid(true);
        return true;
    }

    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> m = new java.util.LinkedHashMap<>();
        m.put("configuration", STORED.equals(source.getValue()) ? config : draft);
        m.put("configVersion", config);
        m.put("draft", draft);
        m.put("symbols", onUniverse() ? universe : symbols);
        m.put("universe", universe);
        m.put("from", from);
        m.put("to", to);
        m.put("cash", cash);
        m.put("quantity", quantity);
        m.put("feeValue", feeValue);
        m.put("slippageValue", slippageValue);
        m.put("label", label);
        m.put("mode", mode);
        m.put("maxPositions", maxPositions);
        m.put("heatCap", heatCap);
        m.put("misLeverage", misLeverage);
        m.put(CorrelationGroups.FIELD, correlationGroups);
        m.put("maxPositionsPerGroup", maxPositionsPerGroup);
        return m;
    }

    /** The field a refusal names (for tests). */
    AbstractField<?, ?> field(String name) {
        return (AbstractField<?, ?>) fields().get(name);
    }
}
