package io.tradepilot.marketdata.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.TimeStamping;
import io.tradepilot.marketdata.BrokerHistory;
import io.tradepilot.marketdata.HistoryRequest;
import io.tradepilot.marketdata.ImportMode;
import io.tradepilot.marketdata.ImportRequest;
import io.tradepilot.marketdata.ImportResult;
import io.tradepilot.marketdata.MarketData;
import io.tradepilot.marketdata.MarketDataRefusal;
import io.tradepilot.marketdata.QualityIssue;
import io.tradepilot.marketdata.StoredSeries;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.Roles;
import io.tradepilot.security.UserAudit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@link MarketData} over {@link SeriesStore}: files checked by {@link CsvBarCheck} (the engine's reader, line by line)
 * and {@link QualityChecks} (the exchange calendar), stored in one transaction per import, serialized per series by a
 * transaction-scoped advisory lock.
 */
class DefaultMarketData implements MarketData {

    static final String READ = "hasAnyRole('ADMIN', 'OPERATOR', 'VIEWER')";
    static final String IMPORT = "MARKETDATA_IMPORT_CSV";
    static final String FETCH = "MARKETDATA_FETCH_FROM_BROKER";
    static final String DELETE = "MARKETDATA_DELETE";

    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._&-]{0,63}");

    private final SeriesStore store;
    private final BrokerHistory broker;
    private final UserAudit audit;
    private final TransactionTemplate transactions;
    private final MarketDataProperties properties;
    private final Clock clock;

    DefaultMarketData(SeriesStore store, BrokerHistory broker, AuditLog audit, TransactionTemplate transactions,
                      MarketDataProperties properties, Clock clock) {
        this.store = store;
        this.broker = broker;
        this.audit = new UserAudit(audit);
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    static String target(String symbol, String interval) {
        return "series:" + (symbol == null || symbol.isBlank() ? "-" : symbol) + "/" + (interval == null || interval.isBlank() ? "-" : interval);
    }

    // ------------------------------------------------------------------ reads

    @Override
    @PreAuthorize(READ)
    public List<StoredSeries> catalog() {
        return store.catalog();
    }

    @Override
    @PreAuthorize(READ)
    public List<QualityIssue> report(String symbol, String interval) {
        return store.issues(existing(symbol, interval).id());
    }

    private SeriesStore.Row existing(String symbol, String interval) {
        String key = symbol == null ? "" : symbol.strip();
        String iv;
        try {
            iv = BarInterval.parse(interval).text();
        } catch (MarketDataRefusal r) {
            iv = String.valueOf(interval);
        }
        String shown = iv;
        return store.find(key, iv).orElseThrow(() -> new MarketDataRefusal(404, "NOT_FOUND", "symbol", "no stored series " + key + " " + shown));
    }

    // ------------------------------------------------------------------ changes

    /** Checked parameters of an import or fetch. */
    private record Params(String symbol, ExchangeCalendar calendar, BarInterval interval, ImportMode mode) {
    }

    private static Params params(String symbol, String exchange, String interval, ImportMode mode) {
        String s = symbol == null ? "" : symbol.strip();
        if (!SYMBOL.matcher(s).matches()) {
            throw MarketDataRefusal.badParameter("symbol", "symbol must be 1-64 letters, digits, '.', '_', '&' or '-'; got '" + symbol + "'");
        }
        String e = exchange == null ? "" : exchange.strip().toUpperCase(Locale.ROOT);
        ExchangeCalendar calendar;
        try {
            calendar = ExchangeCalendar.of(e);
        } catch (IllegalArgumentException unknown) {
            throw MarketDataRefusal.badParameter("exchange", "exchange must be NSE or NYSE (its calendar checks the gaps); got '" + exchange + "'");
        }
        return new Params(s, calendar, BarInterval.parse(interval), mode == null ? ImportMode.CREATE : mode);
    }

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = MarketDataDeniedHandler.class)
    public ImportResult importCsv(ImportRequest request, InputStream csv) {
        String target = target(request.symbol(), request.interval());
        Params p = checked(IMPORT, target, () -> params(request.symbol(), request.exchange(), request.interval(), request.mode()));
        long limit = properties.maxFileSize().toBytes();
        byte[] data;
        try {
            data = csv.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limit + 1));
        } catch (IOException e) {
            throw refused(IMPORT, target, new MarketDataRefusal(400, "UNREADABLE_FILE", "file", "the file could not be read: " + e.getMessage()));
        }
        if (data.length > limit) {
            throw refused(IMPORT, target, new MarketDataRefusal(413, "FILE_TOO_LARGE", "file",
                    "the file is larger than " + properties.maxFileSize().toMegabytes() + " MB (" + limit + " bytes): split it and import with mode EXTEND"));
        }
        CsvBarCheck.Result check = CsvBarCheck.check(data, p.symbol(), p.calendar().zone(), !p.interval().daily());
        if (!check.ok()) throw refused(IMPORT, target, MarketDataRefusal.invalidFile(check.errors(), check.errorCount()));
        String file = request.fileName() == null || request.fileName().isBlank() ? "upload.csv" : request.fileName().strip();
        return store(IMPORT, target, p, check.series(), check.lines(), check.warnings(), check.duplicates(), StoredSeries.Source.CSV, file);
    }

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = MarketDataDeniedHandler.class)
    public ImportResult fetchFromBroker(HistoryRequest request) {
        String target = target(request.symbol(), request.interval());
        Params p = checked(FETCH, target, () -> {
            Params params = params(request.symbol(), request.exchange(), request.interval(), request.mode());
            if (request.from() == null || request.to() == null || !request.from().isBefore(request.to())) {
                throw MarketDataRefusal.badParameter("from", "from and to are required and from must be before to");
            }
            return params;
        });
        BrokerHistory.Fetched fetched;
        try {
            fetched = broker.fetch(p.symbol(), p.interval().length(), request.from(), request.to());
        } catch (BrokerHistory.Unavailable e) {
            int status = switch (e.code()) {
                case "NO_BROKER" -> 409;
                case "UNKNOWN_SYMBOL" -> 404;
                default -> 502;
            };
            throw refused(FETCH, target, new MarketDataRefusal(status, e.code(), "symbol", e.getMessage()));
        }
        if (fetched.bars().isEmpty()) {
            throw refused(FETCH, target, new MarketDataRefusal(422, "NO_BARS", "from", "the broker has no " + p.interval().text()
                    + " bars of " + p.symbol() + " from " + request.from() + " to " + request.to()));
        }
        BarSeries series;
        try {
            series = BarSeries.fromBars(p.symbol(), p.calendar().zone(), stamping(fetched.bars(), p), fetched.bars());
        } catch (IllegalArgumentException e) {
            throw refused(FETCH, target, new MarketDataRefusal(502, "BROKER_FAILED", "symbol", "the broker's bars cannot be stored: " + e.getMessage()));
        }
        long[] positions = new long[series.size()];
        for (int i = 0; i < positions.length; i++) positions[i] = i + 1;
        return store(FETCH, target, p, series, positions, List.of(), 0, StoredSeries.Source.BROKER, fetched.origin());
    }

    /** Daily bars that all start at the exchange's midnight are dates; anything else date-times. */
    private static TimeStamping stamping(List<Bar> bars, Params p) {
        ZoneId zone = p.calendar().zone();
        boolean midnights = bars.stream().allMatch(b -> b.start().atZone(zone).toLocalTime().equals(java.time.LocalTime.MIDNIGHT));
        return p.interval().daily() && midnights ? TimeStamping.DATE : TimeStamping.DATE_TIME;
    }

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = MarketDataDeniedHandler.class)
    public void delete(String symbol, String interval, String confirmation) {
        String target = target(symbol, interval);
        SeriesStore.Row row;
        try {
            row = existing(symbol, interval);
        } catch (MarketDataRefusal r) {
            throw refused(DELETE, target, r);
        }
        StoredSeries s = row.series();
        String expected = MarketData.confirmation(s.symbol(), s.interval());
        if (confirmation == null || !expected.equals(confirmation.strip())) {
            throw refused(DELETE, target, new MarketDataRefusal(422, "CONFIRMATION_MISMATCH", "confirmation", "type '" + expected + "' to delete this series"));
        }
        String detail = "delete " + s.symbol() + " " + s.interval() + " (" + s.barCount() + " bars)";
        var pending = audit.begin(DELETE, target, detail, DefaultMarketData::auditUnavailable);
        try {
            transactions.executeWithoutResult(status -> store.delete(s.symbol(), s.interval()));
            pending.complete(AuditOutcome.SUCCESS, detail);
        } catch (RuntimeException e) {
            pending.complete(AuditOutcome.FAILED, "error: " + e);
            throw e;
        }
    }

    // ------------------------------------------------------------------ storing

    private ImportResult store(String action, String target, Params p, BarSeries series, long[] lines, List<QualityIssue> readWarnings,
                               int duplicates, StoredSeries.Source source, String origin) {
        QualityChecks.Report q = QualityChecks.check(series, lines, p.calendar(), p.interval(), properties.outlierMove().doubleValue());
        List<QualityIssue> warnings = new ArrayList<>(readWarnings);
        warnings.addAll(q.warnings());
        warnings.sort(Comparator.comparingLong(QualityIssue::line));
        if (warnings.size() > CsvBarCheck.MAX_LISTED) warnings = new ArrayList<>(warnings.subList(0, CsvBarCheck.MAX_LISTED));
        List<QualityIssue> report = List.copyOf(warnings);
        String detail = p.mode() + " " + p.symbol() + " " + p.interval().text() + " " + p.calendar().exchange() + " from " + source
                + " " + origin + ": " + series.size() + " bars, " + (q.warningCount() + duplicates) + " warnings";
        var pending = audit.begin(action, target, detail, DefaultMarketData::auditUnavailable);
        try {
            ImportResult result = transactions.execute(status -> write(p, series, report, q, duplicates, source, origin));
            pending.complete(AuditOutcome.SUCCESS, detail);
            return result;
        } catch (MarketDataRefusal r) {
            pending.complete(AuditOutcome.FAILED, r.code() + ": " + r.getMessage());
            throw r;
        } catch (RuntimeException e) {
            pending.complete(AuditOutcome.FAILED, "error: " + e);
            throw e;
        }
    }

    private ImportResult write(Params p, BarSeries series, List<QualityIssue> report, QualityChecks.Report q, int duplicates,
                               StoredSeries.Source source, String origin) {
        String interval = p.interval().text();
        store.lock(p.symbol(), interval);
        Optional<SeriesStore.Row> old = store.find(p.symbol(), interval);
        Instant now = clock.instant();
        String user = CurrentUser.username();
        Instant first = series.start(0), last = series.start(series.size() - 1);
        StoredSeries fresh = new StoredSeries(p.symbol(), p.calendar().exchange(), interval, first, last, series.size(), source, origin,
                user, now, q.gaps(), q.missingBars(), duplicates, q.outliers(), q.offSession());
        if (old.isEmpty() || p.mode() == ImportMode.REPLACE) {
            if (old.isPresent()) store.clear(old.get().id());
            long id = store.upsert(fresh, series.stamping(), series.priceScale());
            store.copyBars(id, series);
            store.addIssues(id, report);
            return new ImportResult(fresh, p.mode(), series.size(), report);
        }
        SeriesStore.Row row = old.get();
        StoredSeries s = row.series();
        if (p.mode() == ImportMode.CREATE) {
            throw new MarketDataRefusal(409, "SERIES_EXISTS", "mode", s.symbol() + " " + s.interval() + " is stored (" + s.barCount()
                    + " bars): import with mode REPLACE to replace it or EXTEND to append to it");
        }
        if (!s.exchange().equals(fresh.exchange()) || row.stamping() != series.stamping()) {
            throw new MarketDataRefusal(409, "MISMATCH", "exchange", "the stored series is " + s.exchange() + " with " + row.stamping()
                    + " stamps; this file is " + fresh.exchange() + " with " + series.stamping());
        }
        if (!first.isAfter(s.last())) {
            throw new MarketDataRefusal(409, "OVERLAP", "file", "EXTEND appends bars after the stored last bar " + s.last()
                    + ", but this file starts at " + first + ": use REPLACE, or import only the later bars");
        }
        StoredSeries extended = new StoredSeries(s.symbol(), s.exchange(), interval, s.first(), last, s.barCount() + series.size(), source,
                origin, user, now, s.gaps() + q.gaps(), s.missingBars() + q.missingBars(), s.duplicates() + duplicates,
                s.outliers() + q.outliers(), s.offSession() + q.offSession());
        long id = store.upsert(extended, row.stamping(), Math.max(row.priceScale(), series.priceScale()));
        store.copyBars(id, series);
        store.addIssues(id, report);
        return new ImportResult(extended, p.mode(), series.size(), report);
    }

    // ------------------------------------------------------------------ audit

    private <T> T checked(String action, String target, Supplier<T> check) {
        try {
            return check.get();
        } catch (MarketDataRefusal r) {
            throw refused(action, target, r);
        }
    }

    private MarketDataRefusal refused(String action, String target, MarketDataRefusal refusal) {
        String lines = refusal.issues().isEmpty() ? "" : " " + refusal.issues().stream().limit(20).map(QualityIssue::toString).toList();
        audit.record(action, target, AuditOutcome.FAILED, refusal.code() + ": " + refusal.getMessage() + lines);
        return refusal;
    }

    private static MarketDataRefusal auditUnavailable() {
        return new MarketDataRefusal(503, "AUDIT_UNAVAILABLE", null, "nothing was changed: its audit record cannot be written");
    }

}
