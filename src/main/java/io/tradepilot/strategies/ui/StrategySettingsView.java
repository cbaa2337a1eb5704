package io.tradepilot.strategies.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tradepilot.engine.strategy.params.Problem;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.Roles;
import io.tradepilot.strategies.ApplyResult;
import io.tradepilot.strategies.ConfigChange;
import io.tradepilot.strategies.ConfigRefusal;
import io.tradepilot.strategies.ConfigVersion;
import io.tradepilot.strategies.PromotionGate;
import io.tradepilot.strategies.RiskSettings;
import io.tradepilot.strategies.StrategyConfigs;
import io.tradepilot.strategies.Universes;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.access.AccessDeniedException;

import java.util.List;
import java.util.function.Supplier;

/**
 * Stored strategy configurations: pick a strategy, edit its parameters in a form generated from its type's schema
 * (each problem of the command line's validator on its field) or as YAML, store a version with a reason, compare
 * any two versions, roll back, create one from a type or clone one, and (admins) apply a version with the typed
 * confirmation that shows the diff. The risk settings tab (admins) does the same for the limits. The universes tab
 * lists the named universes; operators and admins create, edit and delete them ({@link UniversesPanel}). Buttons follow the
 * role only for convenience: the services refuse and audit what the role may not do.
 *
 * <p>Element ids: {@code strategy-settings-view}, {@code config-strategy}, {@code param-<name>}, {@code config-symbols},
 * {@code config-quantity}, {@code config-sizing}, {@code config-risk}, {@code config-reason}, {@code config-validate}, {@code config-save}, {@code config-message},
 * {@code config-yaml}, {@code config-yaml-load}, {@code config-history}, {@code config-apply-<v>},
 * {@code config-rollback-<v>}, {@code apply-confirmation}, {@code apply-confirm}, {@code diff-from}, {@code diff-to},
 * {@code config-diff}, {@code risk-yaml}, {@code risk-save}, {@code risk-history}.
 */
@Route("strategy-settings")
@PageTitle("Strategy settings · Tradepilot")
@Menu(title = "Strategy settings", order = 4, icon = "vaadin:sliders")
@PermitAll
class StrategySettingsView extends VerticalLayout {

    static final String RULE = "Applying a version changes the running engine without a restart: new parameters govern new entries; "
            + "an open position keeps the exit plan it was opened with (the old version manages it until the symbol is flat); "
            + "working orders are neither cancelled nor changed.";

    private final StrategyConfigs configs;
    private final RiskSettings risk;
    private final boolean operator = CurrentUser.role().map(r -> r.includes(Roles.Role.OPERATOR)).orElse(false);
    private final boolean admin = CurrentUser.role().map(r -> r.includes(Roles.Role.ADMIN)).orElse(false);

    final ComboBox<String> strategy = new ComboBox<>("Strategy");
    final ConfigForm form = new ConfigForm();
    final TextArea yaml = new TextArea("YAML");
    final TextField reason = new TextField("Reason (required)");
    final Span message = new Span();
    final Grid<ConfigVersion> history = new Grid<>();
    final ComboBox<Integer> diffFrom = new ComboBox<>("From version"), diffTo = new ComboBox<>("To version");
    final Grid<ConfigChange> diff = changesGrid("config-diff");
    final TextArea riskYaml = new TextArea("Risk settings (YAML)");
    final Grid<ConfigVersion> riskHistory = new Grid<>();
    private String type;
    private final PromotionPanel promotion;

    StrategySettingsView(StrategyConfigs configs, RiskSettings risk, PromotionGate gate, Universes universes) {
        this.configs = configs;
        this.risk = risk;
        this.promotion = new PromotionPanel(gate, admin);
        setId("strategy-settings-view");
        setWidthFull();
        message.setId("config-message");
        strategy.setId("config-strategy");
        strategy.addValueChangeListener(e -> {
            if (e.getValue() != null) load(e.getValue());
        });
        reason.setId("config-reason");
        reason.setWidth("30em");

        Button validate = new Button("Validate", e -> validate());
        validate.setId("config-validate");
        Button save = new Button("Save version", e -> save());
        save.setId("config-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button create = new Button("New from type…", e -> createDialog());
        create.setId("config-create");
        Button cloneIt = new Button("Clone…", e -> cloneDialog());
        cloneIt.setId("config-clone");
        validate.setVisible(operator);
        save.setVisible(operator);
        create.setVisible(operator);
        cloneIt.setVisible(operator);
        form.onEdit(this::validate);
        yaml.setId("config-yaml");
        yaml.setWidthFull();
        yaml.setMinHeight("20em");
        Button loadYaml = new Button("Use this YAML in the form", e -> fromYaml());
        loadYaml.setId("config-yaml-load");

        history.setId("config-history");
        history.setAllRowsVisible(true);
        history.addColumn(ConfigVersion::version).setHeader("Version").setAutoWidth(true);
        history.addColumn(v -> v.applied() ? "applied" : "").setHeader("").setAutoWidth(true);
        history.addColumn(ConfigVersion::createdBy).setHeader("Who").setAutoWidth(true);
        history.addColumn(v -> v.createdAt().toString()).setHeader("When").setAutoWidth(true);
        history.addColumn(v -> v.basedOn() == null ? "" : "v" + v.basedOn()).setHeader("From").setAutoWidth(true);
        history.addColumn(ConfigVersion::reason).setHeader("Why").setFlexGrow(1);
        history.addComponentColumn(this::versionActions).setHeader("").setAutoWidth(true);

        diffFrom.setId("diff-from");
        diffTo.setId("diff-to");
        diffFrom.addValueChangeListener(e -> showDiff());
        diffTo.addValueChangeListener(e -> showDiff());

        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.add("Form", new VerticalLayout(form));
        tabs.add("YAML", new VerticalLayout(yaml, loadYaml));
        tabs.add("History", new VerticalLayout(history));
        tabs.add("Diff", new VerticalLayout(new HorizontalLayout(diffFrom, diffTo), diff));
        tabs.add("Promotion", promotion);
        tabs.add("Universes", new UniversesPanel(universes, operator));
        if (admin) tabs.add("Risk settings", riskTab());

        var header = new HorizontalLayout(new H2("Strategy settings"), strategy, create, cloneIt);
        header.setAlignItems(Alignment.BASELINE);
        var actions = new HorizontalLayout(reason, validate, save);
        actions.setAlignItems(Alignment.BASELINE);
        add(header, new Paragraph(RULE), actions, message, tabs);
        refreshStrategies(null);
    }

    private void refreshStrategies(String select) {
        List<String> ids = configs.strategies().stream().map(ConfigVersion::key).toList();
        strategy.setItems(ids);
        String pick = select != null ? select : ids.isEmpty() ? null : ids.getFirst();
        if (pick != null) {
            if (pick.equals(strategy.getValue())) load(pick);
            else strategy.setValue(pick);
        }
    }

    private void load(String id) {
        List<ConfigVersion> versions = configs.history(id);
        ConfigVersion latest = versions.getLast();
        type = typeOf(latest.document());
        form.read(latest.document(), configs.schema(type));
        yaml.setValue(latest.document());
        history.setItems(versions.reversed());
        promotion.show(id, versions);
        List<Integer> numbers = versions.stream().map(ConfigVersion::version).toList();
        diffFrom.setItems(numbers);
        diffTo.setItems(numbers);
        diffFrom.setValue(versions.size() > 1 ? numbers.get(numbers.size() - 2) : numbers.getLast());
        diffTo.setValue(numbers.getLast());
        say("", false);
    }

    private static String typeOf(String document) {
        Object doc = new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(new org.yaml.snakeyaml.LoaderOptions())).load(document);
        return doc instanceof java.util.Map<?, ?> m ? String.valueOf(m.get("type")) : null;
    }

    /** Validates the form's document with the command line's validator and shows each problem on its field. */
    boolean validate() {
        String doc = form.document();
        yaml.setValue(doc);
        List<Problem> problems = attempt(() -> configs.validate(doc));
        if (problems == null) return false;
        List<Problem> rest = form.show(problems);
        if (problems.isEmpty()) say("Valid.", false);
        else say(rest.isEmpty() ? "Fix the marked fields." : String.join("; ", rest.stream().map(Problem::toString).toList()), true);
        return problems.isEmpty();
    }

    private void save() {
        if (!validate()) return;
        ConfigVersion v = attempt(() -> configs.save(form.document(), reason.getValue()));
        if (v == null) return;
        reason.clear();
        refreshStrategies(v.key());
        say("Stored " + v.key() + " v" + v.version() + ". It runs only once an admin applies it.", false);
    }

    private void fromYaml() {
        try {
            String t = typeOf(yaml.getValue());
            if (t == null || !configs.types().contains(t)) throw new IllegalArgumentException("the YAML must name a known type");
            form.read(yaml.getValue(), configs.schema(t));
            type = t;
            validate();
        } catch (RuntimeException e) {
            say("The YAML cannot be read: " + e.getMessage(), true);
        }
    }

    private com.vaadin.flow.component.Component versionActions(ConfigVersion v) {
        HorizontalLayout row = new HorizontalLayout();
        if (operator && !v.equals(history.getListDataView().getItem(0))) {
            Button rollback = new Button("Roll back to this", e -> {
                ConfigVersion done = attempt(() -> configs.rollback(v.key(), v.version(), reason.getValue()));
                if (done != null) {
                    refreshStrategies(v.key());
                    say("Stored v" + done.version() + " equal to v" + v.version() + ". Apply it to run it.", false);
                }
            });
            rollback.setId("config-rollback-" + v.version());
            rollback.addThemeVariants(ButtonVariant.LUMO_SMALL);
            row.add(rollback);
        }
        if (admin && !v.applied()) {
            Button apply = new Button("Apply…", e -> applyDialog(v));
            apply.setId("config-apply-" + v.version());
            apply.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            row.add(apply);
        }
        return row;
    }

    private void applyDialog(ConfigVersion v) {
        ConfigVersion current = configs.history(v.key()).stream().filter(ConfigVersion::applied).findFirst().orElse(null);
        List<ConfigChange> changes = current == null ? List.of() : configs.diff(v.key(), current.version(), v.version());
        String expected = StrategyConfigs.confirmation(v.key(), v.version());
        confirmDialog("Apply " + v.key() + " v" + v.version() + (current == null ? "" : " (applied now: v" + current.version() + ")"),
                changes, RULE, expected, typed -> {
                    ApplyResult r = attempt(() -> configs.apply(v.key(), v.version(), typed, reason.getValue()));
                    if (r == null) return false;
                    refreshStrategies(v.key());
                    say("Applied v" + v.version() + ": " + r.message() + ".", false);
                    return true;
                });
    }

    private void confirmDialog(String title, List<ConfigChange> changes, String note, String expected, java.util.function.Predicate<String> onConfirm) {
        Dialog d = new Dialog();
        d.setHeaderTitle(title);
        Grid<ConfigChange> g = changesGrid("apply-diff");
        g.setItems(changes);
        TextField typed = new TextField("Type '" + expected + "' to confirm");
        typed.setId("apply-confirmation");
        typed.setWidthFull();
        Button ok = new Button("Apply", e -> {
            if (onConfirm.test(typed.getValue())) d.close();
        });
        ok.setId("apply-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> d.close());
        d.add(new VerticalLayout(new Paragraph(changes.isEmpty() ? "No differences." : "Changes:"), g, new Paragraph(note), typed));
        d.getFooter().add(cancel, ok);
        d.setWidth("50em");
        d.open();
    }

    private void showDiff() {
        if (strategy.getValue() == null || diffFrom.getValue() == null || diffTo.getValue() == null) return;
        List<ConfigChange> c = attempt(() -> configs.diff(strategy.getValue(), diffFrom.getValue(), diffTo.getValue()));
        if (c != null) diff.setItems(c);
    }

    private void createDialog() {
        Dialog d = new Dialog();
        d.setHeaderTitle("New strategy from a type");
        ComboBox<String> types = new ComboBox<>("Type", configs.types());
        types.setId("create-type");
        TextField id = new TextField("Id");
        id.setId("create-id");
        TextField symbols = new TextField("Symbols (comma-separated)");
        symbols.setId("create-symbols");
        Button ok = new Button("Create", e -> {
            List<String> list = java.util.Arrays.stream(symbols.getValue().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            ConfigVersion v = attempt(() -> configs.create(types.getValue(), id.getValue(), list, reason.getValue()));
            if (v != null) {
                d.close();
                refreshStrategies(v.key());
                say("Created " + v.key() + " v1 with the schema's defaults.", false);
            }
        });
        ok.setId("create-confirm");
        d.add(new VerticalLayout(types, id, symbols, new Paragraph("The reason field of the page is the reason recorded.")));
        d.getFooter().add(new Button("Cancel", e -> d.close()), ok);
        d.open();
    }

    private void cloneDialog() {
        if (strategy.getValue() == null) return;
        Dialog d = new Dialog();
        d.setHeaderTitle("Clone " + strategy.getValue());
        TextField id = new TextField("New id");
        id.setId("clone-id");
        Button ok = new Button("Clone", e -> {
            ConfigVersion v = attempt(() -> configs.cloneAs(strategy.getValue(), id.getValue(), reason.getValue()));
            if (v != null) {
                d.close();
                refreshStrategies(v.key());
                say("Cloned as " + v.key() + " v1.", false);
            }
        });
        ok.setId("clone-confirm");
        d.add(id);
        d.getFooter().add(new Button("Cancel", e -> d.close()), ok);
        d.open();
    }

    // ------------------------------------------------------------------ risk settings (admins)

    private VerticalLayout riskTab() {
        riskYaml.setId("risk-yaml");
        riskYaml.setWidthFull();
        riskYaml.setMinHeight("20em");
        Button save = new Button("Save risk version", e -> {
            ConfigVersion v = attempt(() -> risk.save(riskYaml.getValue(), reason.getValue()));
            if (v != null) {
                refreshRisk();
                say("Stored risk settings v" + v.version() + ". Apply it to run it.", false);
            }
        });
        save.setId("risk-save");
        riskHistory.setId("risk-history");
        riskHistory.setAllRowsVisible(true);
        riskHistory.addColumn(ConfigVersion::version).setHeader("Version").setAutoWidth(true);
        riskHistory.addColumn(v -> v.applied() ? "applied" : "").setHeader("").setAutoWidth(true);
        riskHistory.addColumn(ConfigVersion::createdBy).setHeader("Who").setAutoWidth(true);
        riskHistory.addColumn(v -> v.createdAt().toString()).setHeader("When").setAutoWidth(true);
        riskHistory.addColumn(ConfigVersion::reason).setHeader("Why").setFlexGrow(1);
        riskHistory.addComponentColumn(v -> {
            HorizontalLayout row = new HorizontalLayout();
            Button rollback = new Button("Roll back to this", e -> {
                if (attempt(() -> risk.rollback(v.version(), reason.getValue())) != null) refreshRisk();
            });
            rollback.addThemeVariants(ButtonVariant.LUMO_SMALL);
            row.add(rollback);
            if (!v.applied()) {
                Button apply = new Button("Apply…", e -> riskApplyDialog(v));
                apply.setId("risk-apply-" + v.version());
                apply.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
                row.add(apply);
            }
            return row;
        }).setHeader("").setAutoWidth(true);
        refreshRisk();
        return new VerticalLayout(new Paragraph("The limits of the risk chain, one key per component of the host's limits record. "
                + "A version that only tightens applies with a reason; one that loosens any limit also needs the word " + RiskSettings.LOOSEN + "."),
                riskYaml, save, riskHistory);
    }

    private void refreshRisk() {
        List<ConfigVersion> h = risk.history();
        riskHistory.setItems(h.reversed());
        if (!h.isEmpty()) riskYaml.setValue(h.getLast().document());
    }

    private void riskApplyDialog(ConfigVersion v) {
        List<ConfigChange> looser = risk.loosening(v.version());
        ConfigVersion current = risk.history().stream().filter(ConfigVersion::applied).findFirst().orElse(null);
        List<ConfigChange> changes = current == null ? List.of() : risk.diff(current.version(), v.version());
        confirmDialog("Apply risk settings v" + v.version(), changes, looser.isEmpty() ? "This version only tightens: it applies at once."
                        : "This version loosens " + String.join(", ", looser.stream().map(ConfigChange::path).toList()) + ".",
                looser.isEmpty() ? "(nothing; leave empty)" : RiskSettings.LOOSEN, typed -> {
                    ApplyResult r = attempt(() -> risk.apply(v.version(), typed, reason.getValue()));
                    if (r == null) return false;
                    refreshRisk();
                    say("Applied risk settings v" + v.version() + ": " + r.message() + ".", false);
                    return true;
                });
    }

    // ------------------------------------------------------------------ helpers

    private static Grid<ConfigChange> changesGrid(String id) {
        Grid<ConfigChange> g = new Grid<>();
        g.setId(id);
        g.setAllRowsVisible(true);
        g.addColumn(ConfigChange::path).setHeader("Setting").setAutoWidth(true);
        g.addColumn(c -> c.before() == null ? "—" : c.before()).setHeader("Before").setFlexGrow(1);
        g.addColumn(c -> c.after() == null ? "—" : c.after()).setHeader("After").setFlexGrow(1);
        return g;
    }

    /** Runs {@code call}; a refusal or a denial is shown and null returned. */
    private <T> T attempt(Supplier<T> call) {
        return Messages.attempt(message, call, r -> {
            if (!r.problems().isEmpty()) form.show(r.problems());
        });
    }

    private void say(String text, boolean error) {
        Messages.say(message, text, error);
    }
}
