package io.tradepilot.trading.internal;

import io.tradepilot.brokers.BrokerBook;
import io.tradepilot.brokers.VenueSession;
import io.tradepilot.brokers.alpaca.AlpacaConfig;
import io.tradepilot.brokers.alpaca.AlpacaVenue;
import io.tradepilot.engine.core.EngineInput;
import io.tradepilot.engine.venue.ExecutionVenue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/**
 * What the host's tests need of a stand-in Alpaca: Alpaca's messages (orders, {@code trade_updates}, FILL activities)
 * as its documentation shows them, and {@link Session}, a {@link VenueSession} around the real adapter whose market
 * data each test gives.
 */
final class AlpacaStandIn {

    private AlpacaStandIn() { }

    /**
     * An Alpaca order object as the REST API and the stream send it; {@code limit} and {@code average} null when
     * absent.
     */
    static String order(String id, String cid, String symbol, String side, String qty, String limit, String status, String filledQty,
                        String average) {
        String type = limit == null ? "market" : "limit";
        return """
                {"id":"%s","client_order_id":"%s","created_at":"2024-01-02T14:30:00.100Z","updated_at":"2024-01-02T14:30:02Z",
                 "submitted_at":"2024-01-02T14:30:00.120Z","filled_at":null,"expired_at":null,"canceled_at":null,"failed_at":null,
                 "replaced_at":null,"replaced_by":null,"replaces":null,"asset_id":"b0b6dd9d-8b9b-48a9-ba46-b9d54906e415",
                 "symbol":"%s","asset_class":"us_equity","notional":null,"qty":"%s","filled_qty":"%s","filled_avg_price":%s,
                 "order_class":"","order_type":"%s","type":"%s","side":"%s","time_in_force":"day","limit_price":%s,
                 "stop_price":null,"status":"%s","extended_hours":false,"legs":null}
                """.formatted(id, cid, symbol, qty, filledQty, quoted(average), type, type, side, quoted(limit), status);
    }

    /** A {@code trade_updates} message's data: {@code event} of {@code order} with the execution's qty and price (null: none). */
    static String update(String event, String qty, String price, String order) {
        return """
                {"event":"%s","execution_id":"x-%s-%s","timestamp":"2024-01-02T14:30:05.000Z","price":%s,"qty":%s,"position_qty":"0","order":%s}
                """.formatted(event, event, qty, quoted(price), quoted(qty), order);
    }

    /** One FILL account activity of Alpaca order {@code orderId} (a buy of AAPL). */
    static String fillActivity(String id, String orderId, String qty, String cumQty, String leaves, String price, String time) {
        return """
                {"id":"%s","activity_type":"FILL","transaction_time":"%s","type":"%s","price":"%s","qty":"%s","side":"buy",
                 "symbol":"AAPL","leaves_qty":"%s","order_id":"%s","cum_qty":"%s","order_status":"%s"}
                """.formatted(id, time, "0".equals(leaves) ? "fill" : "partial_fill", price, qty, leaves, orderId, cumQty,
                "0".equals(leaves) ? "filled" : "partially_filled");
    }

    private static String quoted(String v) {
        return v == null ? "null" : "\"" + v + "\"";
    }

    /**
     * A broker session as an adapter package provides it, around the Alpaca adapter at a stand-in (account
     * {@code stand-in}, paper); its book is empty and it reports no missed fills. Subclasses give the instruments and bars.
     */
    abstract static class Session implements VenueSession {
        private final AlpacaVenue venue;
        private final Clock clock;

        Session(AlpacaConfig config, Clock clock) {
            this.venue = new AlpacaVenue(config, clock, (v, detail) -> { });
            this.clock = clock;
        }

        @Override public String accountId() { return "stand-in"; }
        @Override public String broker() { return "alpaca"; }
        @Override public boolean live() { return false; }
        @Override public ExecutionVenue venue() { return venue; }
        @Override public void start(EngineInput engine) { venue.start(engine); }

        @Override
        public BrokerBook book() {
            return new BrokerBook(clock.instant(), Currency.getInstance("USD"), BigDecimal.ZERO, List.of(), List.of());
        }

        @Override
        public List<BrokerBook.BrokerFill> fillsSince(Instant after) {
            return List.of();
        }

        @Override
        public void close() {
            venue.close();
        }
    }
}
