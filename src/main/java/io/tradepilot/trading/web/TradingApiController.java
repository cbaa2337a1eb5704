package io.tradepilot.trading.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.tradepilot.trading.EngineStatus;
import io.tradepilot.trading.EquityPoint;
import io.tradepilot.trading.LedgerOrder;
import io.tradepilot.trading.LedgerPosition;
import io.tradepilot.trading.TradingQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Read-only live trading data for any signed-in role (bearer token), from the ledger. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Trading", description = "Positions, orders, equity and the engine's status")
class TradingApiController {

    private final TradingQueries queries;

    TradingApiController(TradingQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/positions")
    @Operation(summary = "Open positions: signed quantity, average price, realized P&L (exact decimals)")
    List<LedgerPosition> positions() {
        return queries.openPositions();
    }

    @GetMapping("/orders")
    @Operation(summary = "The newest orders, newest first; working=true keeps only orders that can still fill (limit 1..1000)")
    List<LedgerOrder> orders(@RequestParam(defaultValue = "false") boolean working,
                             @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return queries.orders(working, limit);
    }

    @GetMapping("/equity")
    @Operation(summary = "The newest equity points in time order (limit 1..1000)")
    List<EquityPoint> equity(@RequestParam(defaultValue = "500") @Min(1) @Max(1000) int limit) {
        return queries.equity(limit);
    }

    @GetMapping("/engine")
    @Operation(summary = "Whether this instance runs the engine (LEADER) or serves the UI only (STANDBY), and its progress")
    EngineStatus engine() {
        return queries.status();
    }
}
