package io.tradepilot.strategies.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.tradepilot.engine.strategy.params.Problem;
import io.tradepilot.strategies.ConfigRefusal;
import io.tradepilot.strategies.Universe;
import io.tradepilot.strategies.Universes;
import org.springframework.security.access.AccessDeniedException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The named universes: every role sees them; operators and admins create, edit (a new version) and delete one with a
 * reason. The service checks, authorizes and audits; each refusal's problems show on their fields. Element ids: {@code
 * universe-grid}, {@code universe-name}, {@code universe-exchange}, {@code universe-symbols}, {@code universe-reason},
 * {@code universe-save}, {@code universe-delete}, {@code universe-message}.
 */
class UniversesPanel extends VerticalLayout {

    private final Universes universes;
    final Grid<Universe> grid = new Grid<>();
    final TextField name = new TextField("Name");
    final Select<String> exchange = new Select<>();
    final TextArea symbols = new TextArea("Symbols, in order (comma or line separated)");
    final TextField reason = new TextField("Reason (required)");
    final Span message = new Span();
    /** The version being edited (null: a new universe). */
    private Integer editing;

    UniversesPanel(Universes universes, boolean operator) {
        this.universes = universes;
        setPadding(false);
        grid.setId("universe-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(Universe::name).setHeader("Universe").setAutoWidth(true);
        grid.addColumn(Universe::exchange).setHeader("Exchange").setAutoWidth(true);
        grid.addColumn(u -> u.symbols().size()).setHeader("Symbols").setAutoWidth(true);
        grid.addColumn(u -> "v" + u.version() + " by " + u.updatedBy()).setHeader("Version").setAutoWidth(true);
        grid.addColumn(Universe::reason).setHeader("Why").setFlexGrow(1);
        grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
        name.setId("universe-name");
        exchange.setId("universe-exchange");
        exchange.setLabel("Exchange");
        exchange.setItems("NSE", "NYSE");
        exchange.setValue("NSE");
        symbols.setId("universe-symbols");
        symbols.setWidthFull();
        reason.setId("universe-reason");
        reason.setWidth("30em");
        message.setId("universe-message");
        Button save = new Button("Save universe", e -> save());
        save.setId("universe-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button delete = new Button("Delete", e -> delete());
        delete.setId("universe-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button fresh = new Button("New", e -> grid.asSingleSelect().clear());
        save.setVisible(operator);
        delete.setVisible(operator);
        fresh.setVisible(operator);
        HorizontalLayout actions = new HorizontalLayout(reason, save, delete, fresh);
        actions.setAlignItems(Alignment.BASELINE);
        add(grid, new HorizontalLayout(name, exchange), symbols, actions, message);
        refresh();
    }

    private void refresh() {
        grid.setItems(universes.universes());
    }

    private void edit(Universe u) {
        editing = u == null ? null : u.version();
        name.setValue(u == null ? "" : u.name());
        name.setReadOnly(u != null);
        exchange.setValue(u == null ? "NSE" : u.exchange());
        symbols.setValue(u == null ? "" : String.join(", ", u.symbols()));
        clearInvalid();
    }

    /** The symbols typed, split on commas and line breaks, blanks between separators kept out. */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.split("[,\\n]")) if (!s.isBlank()) out.add(s.strip());
        return out;
    }

    private void save() {
        clearInvalid();
        try {
            Universe u = editing == null ? universes.create(name.getValue(), exchange.getValue(), split(symbols.getValue()), reason.getValue())
                    : universes.update(name.getValue(), exchange.getValue(), split(symbols.getValue()), editing, reason.getValue());
            refresh();
            grid.select(u);
            editing = u.version();
            message.setText("Saved " + u.name() + " v" + u.version() + " (" + u.symbols().size() + " symbols).");
        } catch (ConfigRefusal r) {
            show(r);
        } catch (AccessDeniedException denied) {
            message.setText("Your role may not change universes.");
        }
    }

    private void delete() {
        clearInvalid();
        try {
            universes.delete(name.getValue(), reason.getValue());
            String deleted = name.getValue();
            grid.asSingleSelect().clear();
            refresh();
            message.setText("Deleted " + deleted + ".");
        } catch (ConfigRefusal r) {
            show(r);
        } catch (AccessDeniedException denied) {
            message.setText("Your role may not change universes.");
        }
    }

    private void clearInvalid() {
        Arrays.asList(name, symbols, reason).forEach(f -> f.setInvalid(false));
        exchange.setInvalid(false);
        message.setText("");
    }

    /** Puts a refusal's problems on their fields (every symbol problem on the symbols), else its message below. */
    void show(ConfigRefusal r) {
        List<Problem> problems = r.problems().isEmpty() ? List.of(new Problem(Optional.ofNullable(r.field()).orElse("-"), r.getMessage())) : r.problems();
        List<String> symbolProblems = new ArrayList<>();
        for (Problem p : problems) {
            switch (p.path().replaceAll("\\[.*", "")) {
                case "name" -> invalid(name, p.message());
                case "reason" -> invalid(reason, p.message());
                case "exchange" -> {
                    exchange.setErrorMessage(p.message());
                    exchange.setInvalid(true);
                }
                case "symbols" -> symbolProblems.add(p.path().equals("symbols") ? p.message() : p.path() + ": " + p.message());
                default -> message.setText(r.getMessage());
            }
        }
        if (!symbolProblems.isEmpty()) invalid(symbols, String.join("; ", symbolProblems));
    }

    private static void invalid(com.vaadin.flow.component.HasValidation field, String text) {
        field.setErrorMessage(text);
        field.setInvalid(true);
    }
}
