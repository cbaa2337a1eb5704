package io.tradepilot.trading.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.tradepilot.trading.CachedBar;
import io.tradepilot.trading.MarketDataQueries;
import io.tradepilot.trading.MarketDataUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * Recent bars from the market data cache, for any signed-in role (bearer token). A malformed symbol is a
 * 400 problem; an unreachable cache a 503 problem (try again later).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Market data", description = "Recent bars of the traded symbols (exact decimals)")
class MarketDataApiController {

    private final MarketDataQueries queries;

    MarketDataApiController(MarketDataQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/bars/{symbol}")
    @Operation(summary = "The newest bars of a symbol, oldest first (limit 1..1000, default 100); empty for a symbol never seen")
    List<CachedBar> bars(@PathVariable String symbol, @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        try {
            return queries.recentBars(symbol, limit);
        } catch (IllegalArgumentException e) {
            // caught here, not by an @ExceptionHandler, which would also take a non-numeric limit's NumberFormatException
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
            problem.setTitle("Invalid request");
            problem.setProperty("code", "INVALID_PARAMETER");
            problem.setProperty("errors", Map.of("symbol", e.getMessage()));
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, e);
        }
    }

    @ExceptionHandler(MarketDataUnavailableException.class)
    ProblemDetail unavailable(MarketDataUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Market data unavailable");
        return problem;
    }
}
