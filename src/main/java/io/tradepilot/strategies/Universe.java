package io.tradepilot.strategies;

import java.time.Instant;
import java.util.List;

/**
 * A named universe: an ordered list of symbols of one exchange that strategy configurations and backtests can name in
 * place of their symbols.
 *
 * @param name      1-64 letters, digits, spaces, {@code _ . & -}; the key
 * @param exchange  {@code NSE} or {@code NYSE} (the exchanges the platform has calendars for)
 * @param symbols   1 to {@link Universes#MAX_SYMBOLS} distinct symbols, in the order given
 * @param version   1, then one more at every edit
 * @param updatedBy who stored this version ({@code system} for the seeded one)
 * @param reason    why (required)
 */
public record Universe(String name, String exchange, List<String> symbols, int version, String updatedBy, Instant updatedAt,
                       String reason) {
    public Universe {
        symbols = List.copyOf(symbols);
    }
}
