package io.tradepilot.backtests.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The run form: a stored configuration version or a draft document, symbols, dates, the mode (independent runs or a
 * portfolio with its limits, shown only for a portfolio), cash, quantity, fill, fee and slippage models. {@link #request()} reads it; {@link #show(BacktestRefusal)} puts a refusal's message on the field
 * it names. Testable without a browser. Element ids: {@code backtest-source}, {@code backtest-config}, {@code
 * backtest-draft}, {@code backtest-symbols}, {@code backtest-from}, {@code backtest-to}, {@code backtest-cash}, {@code
 * backtest-quantity}, {@code backtest-fill}, {@code backtest-fee}, {@code backtest-fee-value}, {@code
 * backtest-slippage}, {@code backtest-slippage-value}, {@code backtest-close-at-end}, {@code backtest-cash-only},
 * {@code backtest-label}, {@code backtest-mode}, {@code backtest-max-positions}, {@code backtest-heat-cap}, {@code
 * backtest-buying-power}.
 */
final class BacktestForm extends FormLayout {

    static final String STORED = "Stored version";
    static final String DRAFT = "Draft document";

    final Select<String> source = new Select<>();
    final Select<Backtests.StoredConfiguration> config = new Select<>();
    final TextArea draft = new TextArea("Draft (YAML or JSON)");
    final MultiSelectComboBox<String> symbols = new MultiSelectComboBox<>("Symbols");
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

    BacktestForm(List<Backtests.StoredConfiguration> configurations, List<BacktestData.SeriesInfo> series) {
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
        symbols.setId("backtest-symbols");
        symbols.setItems(series.stream().map(BacktestData.SeriesInfo::symbol).toList());
        config.addValueChangeListener(e -> {
            if (e.getValue() != null && symbols.isEmpty()) {
                symbols.setValue(e.getValue().symbols().stream().filter(s -> series.stream().anyMatch(i -> i.symbol().equals(s))).toList());
            }
        });
        if (config.getValue() != null) {
            symbols.setValue(config.getValue().symbols().stream().filter(s -> series.stream().anyMatch(i -> i.symbol().equals(s))).toList());
        }
        from.setId("backtest-from");
        to.setId("backtest-to");
        series.stream().filter(s -> s.first() != null).findFirst().ifPresent(s -> {
            from.setValue(LocalDate.ofInstant(s.first(), ZoneId.of("Asia/Kolkata")));
            to.setValue(LocalDate.ofInstant(s.last(), ZoneId.of("Asia/Kolkata")));
        });
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
        add(source, config, draft, symbols, from, to, mode, maxPositions, heatCap, buyingPower, misLeverage, correlationGroups, maxPositionsPerGroup, cash, quantity, fill, fee, feeValue, slippage,
                slippageValue, closeAtEnd, cashOnly, label);
        setColspan(draft, 2);
        setColspan(symbols, 2);
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
                stored ? null : draft.getValue(), new ArrayList<>(symbols.getSelectedItems()), from.getValue(), to.getValue(), cash.getValue(),
                quantity.getValue(), fill.getValue(), fee.getValue(), feeValue.getValue(), slippage.getValue(), slippageValue.getValue(),
                closeAtEnd.getValue(), portfolio ? null : cashOnly.getValue(), mode.getValue(), portfolio ? maxPositions.getValue() : null,
                portfolio ? heatCap.getValue() : null, portfolio ? buyingPower.getValue() : null, portfolio ? misLeverage.getValue() : null,
                portfolio ? CorrelationGroups.parse(correlationGroups.getValue()) : null, portfolio ? maxPositionsPerGroup.getValue() : null);
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
        m.put("symbols", symbols);
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
