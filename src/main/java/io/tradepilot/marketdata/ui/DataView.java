package io.tradepilot.marketdata.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import io.tradepilot.marketdata.ImportMode;
import io.tradepilot.marketdata.ImportRequest;
import io.tradepilot.marketdata.ImportResult;
import io.tradepilot.marketdata.MarketData;
import io.tradepilot.marketdata.MarketDataRefusal;
import io.tradepilot.marketdata.QualityIssue;
import io.tradepilot.marketdata.StoredSeries;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.access.AccessDeniedException;

import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The Data page: the stored series (symbol, interval, exchange, range, bars, source, quality counts) with their
 * quality report; for operators and admins, a CSV import (the file goes straight to the server as the request body
 * of an upload handler, no client-side component beyond a plain file input) whose refusal lists every error line
 * by line, and deleting a series with its typed confirmation. The service checks the role again and audits.
 */
@Route("data")
@PageTitle("Data · Tradepilot")
@Menu(title = "Data", order = 5, icon = "vaadin:database")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
class DataView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final MarketData marketData;
    final Grid<StoredSeries> series = new Grid<>();
    final Grid<QualityIssue> issues = new Grid<>();
    final H3 issuesTitle = new H3("Quality report");
    final TextField symbol = new TextField("Symbol");
    final Select<String> exchange = new Select<>();
    final TextField interval = new TextField("Interval");
    final Select<ImportMode> mode = new Select<>();
    final FileInput fileInput = new FileInput();
    private final Element file = fileInput.getElement();
    final Paragraph result = new Paragraph();
    private final boolean mayChange;

    /** The import the next upload belongs to (set by the Import button, taken by the upload handler). */
    private volatile ImportRequest pending;
    /** What the last upload ended with, shown by {@link #uploadFinished()}. */
    private volatile Object outcome;

    DataView(MarketData marketData) {
        this.marketData = marketData;
        this.mayChange = CurrentUser.role().filter(r -> r.includes(Roles.Role.OPERATOR)).isPresent();
        setId("data-view");
        setSizeFull();
        series.setId("series-grid");
        series.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        series.addColumn(StoredSeries::symbol).setHeader("Symbol").setAutoWidth(true).setFlexGrow(0);
        series.addColumn(StoredSeries::interval).setHeader("Interval").setAutoWidth(true).setFlexGrow(0);
        series.addColumn(StoredSeries::exchange).setHeader("Exchange").setAutoWidth(true).setFlexGrow(0);
        series.addColumn(s -> TIME.format(s.first()) + " – " + TIME.format(s.last())).setHeader("Range").setFlexGrow(1);
        series.addColumn(StoredSeries::barCount).setHeader("Bars").setAutoWidth(true).setFlexGrow(0);
        series.addColumn(s -> s.source() + " " + s.sourceDetail()).setHeader("Source").setFlexGrow(1);
        series.addColumn(s -> s.importedBy() + ", " + TIME.format(s.importedAt())).setHeader("Imported").setAutoWidth(true);
        series.addColumn(DataView::quality).setHeader("Quality").setAutoWidth(true);
        series.addComponentColumn(s -> {
            Button report = new Button("Report", e -> showReport(s));
            report.setId("report-" + key(s));
            HorizontalLayout actions = new HorizontalLayout(report);
            if (mayChange) {
                Button delete = new Button("Delete", e -> confirmDelete(s));
                delete.setId("delete-" + key(s));
                delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
                actions.add(delete);
            }
            return actions;
        }).setAutoWidth(true).setFlexGrow(0);
        issues.setId("import-issues");
        issues.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        issues.addColumn(QualityIssue::line).setHeader("Line").setAutoWidth(true).setFlexGrow(0);
        issues.addColumn(QualityIssue::severity).setHeader("Severity").setAutoWidth(true).setFlexGrow(0);
        issues.addColumn(QualityIssue::kind).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        issues.addColumn(QualityIssue::message).setHeader("Problem").setFlexGrow(1);
        issuesTitle.setId("issues-title");
        result.setId("import-result");
        add(new H3("Stored series"), series);
        if (mayChange) add(importForm());
        add(issuesTitle, issues);
        refresh();
    }

    private VerticalLayout importForm() {
        symbol.setId("data-symbol");
        exchange.setId("data-exchange");
        exchange.setLabel("Exchange");
        exchange.setItems("NSE", "NYSE");
        exchange.setValue("NSE");
        interval.setId("data-interval");
        interval.setValue("1d");
        interval.setHelperText("1d, 1m, 5m, 15m, 1h…");
        mode.setId("data-mode");
        mode.setLabel("If stored");
        mode.setItems(ImportMode.values());
        mode.setItemLabelGenerator(m -> switch (m) {
            case CREATE -> "Refuse (new series only)";
            case REPLACE -> "Replace the stored bars";
            case EXTEND -> "Append after the stored bars";
        });
        mode.setValue(ImportMode.CREATE);
        file.setAttribute("type", "file");
        file.setAttribute("accept", ".csv,text/csv,text/plain");
        file.setAttribute("id", "csv-file");
        file.setAttribute("target", (UploadHandler) this::receive);
        Button upload = new Button("Import CSV", e -> startUpload());
        upload.setId("import-csv");
        upload.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout chooser = new HorizontalLayout();
        chooser.add(fileInput, upload);
        Paragraph format = new Paragraph("Header date,open,high,low,close,volume; dates (daily) or date-times with a UTC offset "
                + "(intraday, e.g. 2024-01-02T09:15:00+05:30). Any error refuses the whole file.");
        return new VerticalLayout(new H3("Import a CSV file"), format, new HorizontalLayout(symbol, exchange, interval, mode), chooser, result);
    }

    /** Snapshots the form for the upload, then has the browser send the chosen file to {@link #receive}. */
    void startUpload() {
        pending = new ImportRequest(symbol.getValue(), exchange.getValue(), interval.getValue(), mode.getValue(), null);
        outcome = null;
        file.executeJs("""
                const input = this; const view = $0; const f = input.files && input.files[0];
                if (!f) { view.$server.uploadFinished(); return; }
                fetch(input.getAttribute('target'), {method: 'POST', credentials: 'same-origin',
                    headers: {'X-Filename': encodeURIComponent(f.name), 'Content-Type': 'text/csv'}, body: f})
                  .finally(() => view.$server.uploadFinished());
                """, getElement());
    }

    /** The upload handler (a request thread, no session lock): imports the file through the service. */
    private void receive(UploadEvent event) {
        ImportRequest request = pending;
        if (request == null) {
            event.reject("choose the series first");
            return;
        }
        String name = URLDecoder.decode(event.getFileName() == null ? "upload.csv" : event.getFileName(), StandardCharsets.UTF_8);
        try (InputStream in = event.getInputStream()) {
            outcome = marketData.importCsv(new ImportRequest(request.symbol(), request.exchange(), request.interval(), request.mode(), name), in);
        } catch (MarketDataRefusal refusal) {
            outcome = refusal;
        } catch (AccessDeniedException denied) {
            outcome = new MarketDataRefusal(403, "FORBIDDEN", null, "only operators and admins import data");
        } catch (java.io.IOException e) {
            outcome = new MarketDataRefusal(400, "UNREADABLE_FILE", "file", "the file could not be read: " + e.getMessage());
        } catch (RuntimeException e) {
            outcome = new MarketDataRefusal(500, "IMPORT_FAILED", "file", "the import failed, nothing was stored: " + e.getMessage());
            throw e;
        }
    }

    /** A plain {@code <input type=file>}: the upload handler's owner (Vaadin's upload events need a component). */
    @Tag("input")
    static final class FileInput extends Component {
    }

    @ClientCallable
    void uploadFinished() {
        Object o = outcome;
        outcome = null;
        if (o instanceof ImportResult r) {
            StoredSeries s = r.series();
            result.setText("Imported " + r.barsImported() + " bars of " + s.symbol() + " " + s.interval() + " (" + r.mode() + "): now "
                    + s.barCount() + " bars, " + r.warnings().size() + " warnings.");
            issuesTitle.setText("Warnings of this import");
            issues.setItems(r.warnings());
            refresh();
        } else if (o instanceof MarketDataRefusal refusal) {
            result.setText(refusal.getMessage());
            issuesTitle.setText(refusal.issues().isEmpty() ? "Quality report" : "Errors: nothing was imported");
            issues.setItems(refusal.issues());
        } else {
            result.setText("Choose a CSV file first.");
        }
    }

    private void showReport(StoredSeries s) {
        try {
            issuesTitle.setText("Quality report of " + s.symbol() + " " + s.interval());
            issues.setItems(marketData.report(s.symbol(), s.interval()));
        } catch (MarketDataRefusal refusal) {
            error(refusal.getMessage());
        }
    }

    private void confirmDelete(StoredSeries s) {
        String words = MarketData.confirmation(s.symbol(), s.interval());
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Delete " + s.symbol() + " " + s.interval());
        TextField typed = new TextField("Type '" + words + "' to delete " + s.barCount() + " bars");
        typed.setId("delete-confirmation");
        typed.setWidthFull();
        Button confirm = new Button("Delete", e -> {
            try {
                marketData.delete(s.symbol(), s.interval(), typed.getValue());
                dialog.close();
                Notification.show("Deleted " + s.symbol() + " " + s.interval(), 3000, Notification.Position.BOTTOM_START);
                refresh();
            } catch (MarketDataRefusal refusal) {
                typed.setInvalid(true);
                typed.setErrorMessage(refusal.getMessage());
            } catch (AccessDeniedException denied) {
                error("Only operators and admins delete data.");
            }
        });
        confirm.setId("confirm-delete");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.add(typed);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }

    void refresh() {
        List<StoredSeries> all = marketData.catalog();
        series.setItems(all);
    }

    private static void error(String message) {
        Notification.show(message, 5000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private static String key(StoredSeries s) {
        return (s.symbol() + "-" + s.interval()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    static String quality(StoredSeries s) {
        return s.gaps() + " gaps (" + s.missingBars() + " bars), " + s.duplicates() + " duplicates, " + s.outliers() + " outliers"
                + (s.offSession() > 0 ? ", " + s.offSession() + " off-session" : "");
    }
}
