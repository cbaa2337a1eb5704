package io.tradepilot.trading.internal;

import io.tradepilot.engine.calendar.SquareOffRule;
import io.tradepilot.engine.core.EngineCommand;
import io.tradepilot.trading.IntradaySquareOff;
import io.tradepilot.trading.SquareOffResult;
import io.tradepilot.trading.SquareOffResult.Outcome;

import java.util.Set;

/** {@link IntradaySquareOff} over the {@link EngineHost}: the command goes through its write-ahead path. */
final class EngineSquareOff implements IntradaySquareOff {

    private final TradingProperties properties;
    private final EngineHost host;

    EngineSquareOff(TradingProperties properties, EngineHost host) {
        this.properties = properties;
        this.host = host;
    }

    @Override
    public String exchange() {
        return properties.exchange();
    }

    @Override
    public SquareOffRule rule() {
        return properties.squareOff().rule();
    }

    @Override
    public Set<String> intradaySymbols() {
        return host.configuration().intradaySymbols();
    }

    @Override
    public SquareOffResult squareOffNow(String reason) {
        Set<String> symbols = intradaySymbols();
        if (symbols.isEmpty()) {
            return new SquareOffResult(Outcome.SKIPPED_NO_INTRADAY, Set.of(), "no strategy is configured intraday: true");
        }
        if (host.role() != EngineHost.Role.LEADER) {
            return new SquareOffResult(Outcome.SKIPPED_NOT_LEADER, Set.of(), "this instance does not run the engine (" + host.role() + ")");
        }
        if (!host.realTimeFeed()) {
            return new SquareOffResult(Outcome.SKIPPED_MARKET_TIME, Set.of(), "the feed runs at speed " + properties.marketdata().speed()
                    + ", not in real time: the engine host squares off in market time at " + rule().at() + " market time");
        }
        try {
            host.send(new EngineCommand.SquareOff(symbols, reason));
        } catch (IllegalStateException notRunning) {
            return new SquareOffResult(Outcome.SKIPPED_NOT_LEADER, Set.of(), notRunning.getMessage());
        }
        return new SquareOffResult(Outcome.REQUESTED, symbols, "asked the engine to close the positions of " + symbols);
    }
}
