package io.tradepilot.marketdata.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.marketdata.HistoryRequest;
import io.tradepilot.marketdata.ImportRequest;
import io.tradepilot.security.DeniedMethodAudit;
import io.tradepilot.security.Roles;

/**
 * Runs when {@code @PreAuthorize} denies a market data change to a viewer: writes the DENIED audit record (action
 * {@code MARKETDATA_<METHOD>}, the allowed changes' actions) and denies as usual.
 */
class MarketDataDeniedHandler extends DeniedMethodAudit {

    MarketDataDeniedHandler(AuditLog audit) {
        super(audit, "MARKETDATA_", Roles.OPERATOR);
    }

    @Override
    protected String target(Object[] arguments) {
        Object first = arguments.length > 0 ? arguments[0] : null;
        if (first instanceof ImportRequest r) return DefaultMarketData.target(r.symbol(), r.interval());
        if (first instanceof HistoryRequest r) return DefaultMarketData.target(r.symbol(), r.interval());
        if (first instanceof String symbol && arguments.length > 1 && arguments[1] instanceof String interval) {
            return DefaultMarketData.target(symbol, interval);
        }
        return "series:-";
    }
}
