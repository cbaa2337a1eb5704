package io.tradepilot.marketdata.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradepilot.marketdata.HistoryRequest;
import io.tradepilot.marketdata.ImportMode;
import io.tradepilot.marketdata.ImportRequest;
import io.tradepilot.marketdata.ImportResult;
import io.tradepilot.marketdata.MarketData;
import io.tradepilot.marketdata.MarketDataRefusal;
import io.tradepilot.marketdata.QualityIssue;
import io.tradepilot.marketdata.StoredSeries;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Stored history over REST. Reads for every signed-in role; imports, broker fetches and deletes for operators and
 * admins (method security in {@link MarketData}). A CSV import is either the raw file ({@code text/csv}) with the
 * series in query parameters, or a multipart form with a {@code file} part and the same parameters. Refusals are
 * problem+json with a stable {@code code}, the {@code field} and, for a refused file, {@code issues}: every error with
 * its {@code line}, {@code severity}, {@code kind} and {@code message}.
 */
@RestController
@Tag(name = "Market data", description = "Stored historical bars for backtests: CSV imports, broker history, quality reports")
class StoredBarsApiController {

    private final MarketData marketData;

    StoredBarsApiController(MarketData marketData) {
        this.marketData = marketData;
    }

    record Fetch(String symbol, String exchange, String interval, String from, String to, String mode) {
    }

    @GetMapping("/api/v1/marketdata/series")
    @Operation(summary = "Every stored series with its range, bar count, source and quality counts")
    List<StoredSeries> catalog() {
        return marketData.catalog();
    }

    @GetMapping("/api/v1/marketdata/series/{symbol}/{interval}/report")
    @Operation(summary = "A stored series' quality report: its warnings, line by line")
    List<QualityIssue> report(@PathVariable String symbol, @PathVariable String interval) {
        return marketData.report(symbol, interval);
    }

    @PostMapping(path = "/api/v1/marketdata/imports", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "Import a CSV file sent as the body (operators, admins); mode CREATE (default), REPLACE or EXTEND")
    ResponseEntity<ImportResult> importBody(@RequestParam(required = false) String symbol, @RequestParam(required = false) String exchange,
                                            @RequestParam(required = false) String interval, @RequestParam(required = false) String mode,
                                            @RequestParam(required = false) String fileName, HttpServletRequest request) throws IOException {
        try (InputStream body = request.getInputStream()) {
            ImportRequest r = new ImportRequest(symbol, exchange, interval, mode(mode), fileName == null ? "request body" : fileName);
            return ResponseEntity.status(HttpStatus.CREATED).body(marketData.importCsv(r, body));
        }
    }

    @PostMapping(path = "/api/v1/marketdata/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a CSV file sent as the multipart part 'file' (operators, admins)")
    ResponseEntity<ImportResult> importMultipart(@RequestParam(required = false) String symbol, @RequestParam(required = false) String exchange,
                                                 @RequestParam(required = false) String interval, @RequestParam(required = false) String mode,
                                                 @RequestParam(required = false) MultipartFile file) throws IOException {
        if (file == null) throw MarketDataRefusal.badParameter("file", "the multipart part 'file' is missing");
        try (InputStream body = file.getInputStream()) {
            ImportRequest r = new ImportRequest(symbol, exchange, interval, mode(mode), file.getOriginalFilename());
            return ResponseEntity.status(HttpStatus.CREATED).body(marketData.importCsv(r, body));
        }
    }

    @PostMapping("/api/v1/marketdata/fetches")
    @Operation(summary = "Fetch a symbol's bars of [from, to) from the active broker account and store them (operators, admins)")
    ResponseEntity<ImportResult> fetch(@RequestBody Fetch body) {
        HistoryRequest r = new HistoryRequest(body.symbol(), body.exchange(), body.interval(), instant("from", body.from()),
                instant("to", body.to()), mode(body.mode()));
        return ResponseEntity.status(HttpStatus.CREATED).body(marketData.fetchFromBroker(r));
    }

    @DeleteMapping("/api/v1/marketdata/series/{symbol}/{interval}")
    @Operation(summary = "Delete a stored series (operators, admins; confirmation 'DELETE <symbol> <interval>')")
    ResponseEntity<Void> delete(@PathVariable String symbol, @PathVariable String interval, @RequestParam(required = false) String confirmation) {
        marketData.delete(symbol, interval, confirmation);
        return ResponseEntity.noContent().build();
    }

    private static ImportMode mode(String mode) {
        if (mode == null || mode.isBlank()) return null;
        try {
            return ImportMode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw MarketDataRefusal.badParameter("mode", "mode must be CREATE, REPLACE or EXTEND; got '" + mode + "'");
        }
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw MarketDataRefusal.badParameter(field, field + " must be an instant such as 2024-01-02T00:00:00Z; got '" + text + "'");
        }
    }
}
