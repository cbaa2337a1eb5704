package io.tradepilot.journal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradepilot.journal.JournalAnnotations;
import io.tradepilot.journal.JournalExports;
import io.tradepilot.journal.JournalQueries;
import io.tradepilot.journal.JournalRefusal;
import io.tradepilot.journal.Outcome;
import io.tradepilot.journal.Trade;
import io.tradepilot.journal.TradeFilter;
import io.tradepilot.journal.TradePage;
import io.tradepilot.journal.TradeSide;
import io.tradepilot.journal.TradeSort;
import io.tradepilot.journal.TradeStatistics;
import io.tradepilot.journal.TradingMode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The trade journal over REST: reads for every signed-in role, tags and notes for operators and admins
 * (method security in {@link JournalAnnotations}). Bad parameters are 400 problems with {@code code}
 * {@code INVALID_PARAMETER} and the {@code field}; invalid text 422 {@code INVALID_TEXT}; an unknown trade 404.
 */
@RestController
@RequestMapping("/api/v1/journal")
@Tag(name = "Journal", description = "Round trips with their fills, statistics, CSV exports, tags and notes")
class JournalApiController {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final JournalQueries queries;
    private final JournalAnnotations annotations;
    private final JournalExports exports;

    JournalApiController(JournalQueries queries, JournalAnnotations annotations, JournalExports exports) {
        this.queries = queries;
        this.annotations = annotations;
        this.exports = exports;
    }

    /** Tags to set. */
    record TagsRequest(List<String> tags) {
    }

    /** A note to set (blank deletes it). */
    record NoteRequest(String note) {
    }

    /**
     * The filter's query parameters, bound as one object on every endpoint that takes a filter; each is a raw
     * string (blank or absent: any) so that a malformed value becomes a 400 with its field, not a binding error.
     */
    record FilterParams(String from, String to, String symbol, String side, String strategy, String outcome,
                        String tag, String mode, String exitReason) {

        /** The validated filter; throws a 400 {@link JournalRefusal} naming the malformed field. */
        TradeFilter toFilter() {
            return filter(from, to, symbol, side, strategy, outcome, tag, mode)
                    .withExitReason(parseEnum(io.tradepilot.journal.ExitReason.class, "exitReason", exitReason));
        }
    }

    @GetMapping("/trades")
    @Operation(summary = "Trades matching the filter, sorted and paged (limit 1..500, offset >= 0; or after = the id of "
            + "the previous page's last trade: keyset paging, same cost at any depth, offset must then be 0)")
    TradePage trades(@ModelAttribute FilterParams params,
                     @RequestParam(defaultValue = "EXIT_TIME") String sort, @RequestParam(defaultValue = "true") String desc,
                     @RequestParam(defaultValue = "0") String offset, @RequestParam(defaultValue = "50") String limit,
                     @RequestParam(required = false) String after) {
        TradeFilter filter = params.toFilter();
        TradeSort order = parseEnum(TradeSort.class, "sort", sort);
        int skip = integer("offset", offset);
        if (after == null || after.isBlank()) return queries.trades(filter, order, bool("desc", desc), skip, integer("limit", limit));
        long anchor = id("after", after);
        if (skip != 0) throw JournalRefusal.badParameter("offset", "offset must be 0 with after");
        return queries.tradesAfter(filter, order, bool("desc", desc), anchor, integer("limit", limit));
    }

    @GetMapping("/trades/{id}")
    @Operation(summary = "One trade with its fills, tags, note and MAE/MFE (when the cached bars cover it)")
    Trade trade(@PathVariable String id) {
        long tradeId = id(id);
        return queries.trade(tradeId).orElseThrow(() -> JournalRefusal.noSuchTrade(tradeId));
    }

    @GetMapping("/stats")
    @Operation(summary = "Statistics of the trades matching the filter (conventions in docs/journal.md)")
    TradeStatistics stats(@ModelAttribute FilterParams params) {
        return queries.statistics(params.toFilter());
    }

    @GetMapping(value = "/trades.csv", produces = "text/csv")
    @Operation(summary = "CSV of the trades matching the filter, by exit time (exact decimals, injection-safe text)")
    ResponseEntity<String> tradesCsv(@ModelAttribute FilterParams params) {
        return csv("journal-trades.csv", exports.tradesCsv(params.toFilter()));
    }

    @GetMapping(value = "/fills.csv", produces = "text/csv")
    @Operation(summary = "CSV of the fills of the trades matching the filter (tax-ready: dates, quantities, prices, charges)")
    ResponseEntity<String> fillsCsv(@ModelAttribute FilterParams params) {
        return csv("journal-fills.csv", exports.fillsCsv(params.toFilter()));
    }

    @PutMapping("/trades/{id}/tags")
    @Operation(summary = "Replace a trade's tags (operator, admin; audited)")
    List<String> setTags(@PathVariable String id, @RequestBody TagsRequest request) {
        return annotations.setTags(id(id), request.tags());
    }

    @PutMapping("/trades/{id}/note")
    @Operation(summary = "Set a trade's Markdown note; blank deletes it (operator, admin; audited)")
    ResponseEntity<Void> setNote(@PathVariable String id, @RequestBody NoteRequest request) {
        annotations.setNote(id(id), request.note());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(JournalRefusal.class)
    ResponseEntity<ProblemDetail> refused(JournalRefusal refusal) {
        HttpStatus status = HttpStatus.valueOf(refusal.status());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refusal.getMessage());
        problem.setProperty("code", refusal.code());
        problem.setProperty("field", refusal.field());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<String> csv(String name, String body) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
    }

    /** The filter from request parameters (blank: any); 400 for a malformed value. */
    static TradeFilter filter(String from, String to, String symbol, String side, String strategy, String outcome,
                              String tag, String mode) {
        LocalDate f = date("from", from);
        LocalDate t = date("to", to);
        if (f != null && t != null && t.isBefore(f)) throw JournalRefusal.badParameter("to", "to is before from");
        return new TradeFilter(f, t, text("symbol", symbol, 64), parseEnum(TradeSide.class, "side", side),
                text("strategy", strategy, 64), parseEnum(Outcome.class, "outcome", outcome), text("tag", tag, 40),
                parseEnum(TradingMode.class, "mode", mode));
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw JournalRefusal.badParameter(field, field + " must be a date (yyyy-mm-dd)");
        }
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        if (v.length() > max || v.chars().anyMatch(Character::isISOControl)) {
            throw JournalRefusal.badParameter(field, field + " must be at most " + max + " printable characters");
        }
        return v;
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = new ArrayList<>();
            for (E c : type.getEnumConstants()) allowed.add(c.name());
            throw JournalRefusal.badParameter(field, field + " must be one of " + allowed);
        }
    }

    private static int integer(String field, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw JournalRefusal.badParameter(field, field + " must be an integer");
        }
    }

    private static boolean bool(String field, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw JournalRefusal.badParameter(field, field + " must be true or false");
        };
    }

    private static long id(String value) {
        return id("id", value);
    }

    private static long id(String field, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw JournalRefusal.badParameter(field, "a trade id is an integer");
        }
    }
}
