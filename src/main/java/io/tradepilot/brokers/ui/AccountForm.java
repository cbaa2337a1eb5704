package io.tradepilot.brokers.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.tradepilot.brokers.AccountEnvironment;
import io.tradepilot.brokers.BrokerAccount;
import io.tradepilot.brokers.BrokerAccountRefusal;
import io.tradepilot.brokers.BrokerAccountRequest;
import io.tradepilot.brokers.BrokerKind;
import java.util.Map;

/**
 * Adds or edits one broker account. The key id and secret are typed into password fields and never filled from the
 * server: when editing, empty fields keep the stored credentials. A refusal is shown under its field.
 */
final class AccountForm extends VerticalLayout {

    final H3 title = new H3("Add an account");
    final Select<BrokerKind> broker = new Select<>();
    final TextField name = new TextField("Name");
    final Select<AccountEnvironment> environment = new Select<>();
    final TextField tradingUrl = new TextField("Trading API URL");
    final TextField marketDataUrl = new TextField("Market-data API URL");
    final TextField tradeStreamUrl = new TextField("Order-updates stream URL");
    final TextField dataStreamUrl = new TextField("Market-data stream URL");
    final Select<String> dataFeed = new Select<>();
    final Checkbox enabled = new Checkbox("Enabled", true);
    final PasswordField keyId = new PasswordField("API key id");
    final PasswordField secret = new PasswordField("API secret");
    final Button save = new Button("Add account");
    final Button cancel = new Button("New account");
    private Long editing;

    AccountForm() {
        setPadding(false);
        broker.setLabel("Broker");
        broker.setItems(BrokerKind.values());
        broker.setValue(BrokerKind.ALPACA);
        environment.setLabel("Environment");
        environment.setItems(AccountEnvironment.values());
        environment.setValue(AccountEnvironment.PAPER);
        dataFeed.setLabel("Data feed (Alpaca)");
        dataFeed.setItems("iex", "sip");
        dataFeed.setValue("iex");
        for (TextField url : new TextField[] {tradingUrl, marketDataUrl, tradeStreamUrl, dataStreamUrl}) {
            url.setPlaceholder("the broker's default");
            url.setClearButtonVisible(true);
        }
        name.setId("account-name");
        tradingUrl.setId("account-trading-url");
        marketDataUrl.setId("account-market-data-url");
        tradeStreamUrl.setId("account-trade-stream-url");
        dataStreamUrl.setId("account-data-stream-url");
        keyId.setId("account-key-id");
        secret.setId("account-secret");
        save.setId("account-save");
        keyId.setRevealButtonVisible(false);
        secret.setRevealButtonVisible(false);
        broker.addValueChangeListener(e -> dataFeed.setVisible(e.getValue() == BrokerKind.ALPACA));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        cancel.addClickListener(e -> clear());
        FormLayout fields = new FormLayout(broker, name, environment, dataFeed, tradingUrl, marketDataUrl, tradeStreamUrl,
                dataStreamUrl, keyId, secret, enabled);
        add(title, fields, new HorizontalLayout(save, cancel));
    }

    /** Edits {@code account}: its settings in the fields, the credentials left empty (empty keeps them). */
    void edit(BrokerAccount account) {
        editing = account.id();
        title.setText("Edit " + account.name());
        save.setText("Save");
        broker.setValue(account.broker());
        name.setValue(account.name());
        environment.setValue(account.environment());
        tradingUrl.setValue(orEmpty(account.tradingUrl()));
        marketDataUrl.setValue(orEmpty(account.marketDataUrl()));
        tradeStreamUrl.setValue(orEmpty(account.tradeStreamUrl()));
        dataStreamUrl.setValue(orEmpty(account.dataStreamUrl()));
        if (account.dataFeed() != null) dataFeed.setValue(account.dataFeed());
        enabled.setValue(account.enabled());
        keyId.clear();
        secret.clear();
        keyId.setPlaceholder("unchanged (" + account.keyHint() + ")");
        secret.setPlaceholder("unchanged");
        clearErrors();
    }

    /** Back to adding a new account, every field empty. */
    void clear() {
        editing = null;
        title.setText("Add an account");
        save.setText("Add account");
        name.clear();
        for (TextField url : new TextField[] {tradingUrl, marketDataUrl, tradeStreamUrl, dataStreamUrl}) url.clear();
        keyId.clear();
        secret.clear();
        keyId.setPlaceholder("");
        secret.setPlaceholder("");
        enabled.setValue(true);
        clearErrors();
    }

    /** The account being edited, null when adding. */
    Long editing() {
        return editing;
    }

    /** What was typed; empty credentials are null (keep the stored ones when editing). */
    BrokerAccountRequest request() {
        return new BrokerAccountRequest(broker.getValue(), name.getValue(), environment.getValue(), tradingUrl.getValue(),
                marketDataUrl.getValue(), tradeStreamUrl.getValue(), dataStreamUrl.getValue(), dataFeed.getValue(),
                enabled.getValue(), blankToNull(keyId.getValue()), blankToNull(secret.getValue()));
    }

    /** Shows {@code refusal} under its field; false when it names no field of this form. */
    boolean show(BrokerAccountRefusal refusal) {
        Map<String, com.vaadin.flow.component.HasValidation> byField = Map.of("name", name, "tradingUrl", tradingUrl,
                "marketDataUrl", marketDataUrl, "tradeStreamUrl", tradeStreamUrl, "dataStreamUrl", dataStreamUrl,
                "keyId", keyId, "secret", secret, "dataFeed", dataFeed, "broker", broker, "environment", environment);
        var target = refusal.field() == null ? null : byField.get(refusal.field());
        if (target == null) return false;
        target.setErrorMessage(refusal.getMessage());
        target.setInvalid(true);
        return true;
    }

    void clearErrors() {
        for (var f : new com.vaadin.flow.component.HasValidation[] {name, tradingUrl, marketDataUrl, tradeStreamUrl, dataStreamUrl,
                keyId, secret, dataFeed, broker, environment}) {
            f.setInvalid(false);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
