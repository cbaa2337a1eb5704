package io.tradepilot.alerts.internal;

import io.tradepilot.alerts.AlertEntry;
import io.tradepilot.alerts.AlertRefusal;
import io.tradepilot.alerts.Alerts;
import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.controls.ControlResult;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.ControlsReading;
import io.tradepilot.security.Roles.Role;
import io.tradepilot.trading.EngineStatus;
import io.tradepilot.trading.LedgerOrder;
import io.tradepilot.trading.LivePortfolio;
import io.tradepilot.trading.TradingQueries;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the Telegram bot answers to one message, as the linked Tradepilot user:
 * <ul>
 *   <li>{@code /start <code>} (or {@code /link}): links the sender to the user who asked the app for the code
 *       (audited {@code TELEGRAM_LINKED}, or FAILED for an unknown or expired code);</li>
 *   <li>{@code /status}, {@code /positions}, {@code /pnl}, {@code /orders}: read from the live state (the engine's
 *       portfolio where it runs, else the ledger marked at cached closes; the controls); any role;</li>
 *   <li>{@code /kill <reason>}, then {@code /confirm} within {@code confirmWithin} (or {@code /cancel}): engages the
 *       kill switch through {@link ControlService} as that user, so the same role check, rules and audit records
 *       as in the app apply (a viewer's attempt is recorded DENIED by the controls' method security). The waiting
 *       request is in Redis ({@link PendingKills}), so any instance may handle the {@code /confirm}, and it is taken
 *       once: one {@code /kill}, at most one engagement. Requests, cancellations and confirmations that find nothing
 *       are audited ({@value #KILL_REQUESTED}, {@value #KILL_CANCELLED}, {@value #KILL_CONFIRM});</li>
 *   <li>{@code /ack <number>}: acknowledges that alert through {@link Alerts#acknowledge} as that user (operators
 *       and admins, audited as in the app).</li>
 * </ul>
 * Only private chats are answered (a group member could otherwise speak for someone); only linked, enabled users
 * are served, with the role they have now. Each Telegram user may send {@code ratePerMinute} messages a minute;
 * the first one over is answered and recorded {@code RATE_LIMITED}, further ones are ignored.
 */
final class TelegramCommands {

    static final String LINKED = "TELEGRAM_LINKED";
    static final String COMMAND = "TELEGRAM_COMMAND";
    /** A {@code /kill} held for its confirmation (SUCCESS), or not (FAILED: the shared state is unavailable). */
    static final String KILL_REQUESTED = "TELEGRAM_KILL_REQUESTED";
    /** A {@code /confirm} that found nothing to confirm (FAILED, with why); a confirmed kill is the controls' own record. */
    static final String KILL_CONFIRM = "TELEGRAM_KILL_CONFIRM";
    static final String KILL_CANCELLED = "TELEGRAM_KILL_CANCELLED";
    static final String HELP = """
            Tradepilot bot commands:
            /status – engine, controls, equity
            /positions – open positions
            /pnl – today's and total P&L
            /orders – working orders
            /kill <reason> – engage the kill switch (operators and admins; you confirm with /confirm)
            /ack <number> – acknowledge alert #number (operators and admins)""";

    private final TelegramLinks links;
    private final TransactionTemplate transactions;
    private final UserDetailsService users;
    private final Supplier<Optional<TradingQueries>> trading;
    private final ControlService controls;
    private final Alerts alerts;
    private final AuditLog audit;
    private final SecurityContextHolderStrategy contexts;
    private final Clock clock;
    private final int ratePerMinute;
    private final Duration confirmWithin;
    private final Map<Long, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final PendingKills pendingKills;

    TelegramCommands(TelegramLinks links, TransactionTemplate transactions, UserDetailsService users,
                     Supplier<Optional<TradingQueries>> trading, ControlService controls, Alerts alerts, AuditLog audit,
                     SecurityContextHolderStrategy contexts, Clock clock, int ratePerMinute, Duration confirmWithin,
                     PendingKills pendingKills) {
        this.links = links;
        this.transactions = transactions;
        this.users = users;
        this.trading = trading;
        this.controls = controls;
        this.alerts = alerts;
        this.audit = audit;
        this.contexts = contexts;
        this.clock = clock;
        this.ratePerMinute = ratePerMinute;
        this.confirmWithin = confirmWithin;
        this.pendingKills = pendingKills;
    }

    /**
     * The answer to {@code text} from Telegram user {@code fromId} in chat {@code chatId} of type {@code chatType};
     * empty when nothing is to be answered (a message that is not text, or past the rate limit's first answer).
     */
    Optional<String> answer(long fromId, long chatId, String chatType, String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        Instant now = clock.instant();
        int over = overLimit(fromId, now);
        if (over > 0) {
            if (over > 1) return Optional.empty();
            audit.record(new AuditEntry(who(fromId), COMMAND, "telegram", null, AuditOutcome.RATE_LIMITED,
                    "more than " + ratePerMinute + " messages a minute", null));
            return Optional.of("Too many messages: at most " + ratePerMinute + " a minute. Wait a minute.");
        }
        if (!"private".equals(chatType)) return Optional.of("I answer only in a private chat with a linked user.");
        String[] parts = text.trim().split("\\s+", 2);
        String command = parts[0].toLowerCase(java.util.Locale.ROOT).replaceFirst("@.*$", "");
        String argument = parts.length > 1 ? parts[1].trim() : "";
        if (command.equals("/start") || command.equals("/link")) {
            return Optional.of(argument.isEmpty() ? notLinked() : link(fromId, chatId, argument, now));
        }
        Optional<TelegramLinks.Link> link = transactions.execute(tx -> links.byTelegramUser(fromId));
        if (link == null || link.isEmpty()) return Optional.of(notLinked());
        String username = link.get().username();
        Optional<UserDetails> user = user(username);
        if (user.isEmpty()) {
            audit.record(new AuditEntry(username, COMMAND, command, null, AuditOutcome.DENIED, "the user is disabled or removed", null));
            return Optional.of("Your Tradepilot user is disabled. Ask an admin.");
        }
        return Optional.of(switch (command) {
            case "/status" -> status();
            case "/positions" -> positions();
            case "/pnl" -> pnl();
            case "/orders" -> orders();
            case "/kill" -> kill(fromId, user.get(), argument, now);
            case "/confirm" -> confirm(fromId, user.get(), now);
            case "/ack" -> acknowledge(user.get(), argument);
            case "/cancel" -> cancel(fromId, username);
            default -> HELP;
        });
    }

    private static String who(long fromId) {
        return "telegram:" + fromId;
    }

    private static String notLinked() {
        return "This Telegram account is not linked to a Tradepilot user. In Tradepilot open Alerts → Telegram, "
                + "press 'Link Telegram' and send me the command it shows (/start <code>).";
    }

    /** 0 within the limit; 1 for the first message over it in the last minute; 2 for the ones after. */
    private int overLimit(long fromId, Instant now) {
        Deque<Instant> times = recent.computeIfAbsent(fromId, id -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minusSeconds(60))) times.pollFirst();
            times.addLast(now);
            int n = times.size();
            return n <= ratePerMinute ? 0 : n == ratePerMinute + 1 ? 1 : 2;
        }
    }

    private String link(long fromId, long chatId, String code, Instant now) {
        Optional<String> username = transactions.execute(tx -> {
            Optional<String> owner = links.takeCode(DefaultTelegramLinking.hash(code), now);
            owner.ifPresent(u -> links.link(u, fromId, chatId, now));
            return owner;
        });
        if (username == null || username.isEmpty()) {
            audit.record(new AuditEntry(who(fromId), LINKED, "telegram:" + fromId, null, AuditOutcome.FAILED,
                    "unknown, used or expired code", null));
            return "That code is unknown, used or expired. Ask Tradepilot for a new one (Alerts → Telegram).";
        }
        audit.record(new AuditEntry(username.get(), LINKED, "telegram:" + fromId, null, AuditOutcome.SUCCESS,
                "chat " + chatId, null));
        return "Linked to Tradepilot user " + username.get() + ". " + HELP;
    }

    private Optional<UserDetails> user(String username) {
        try {
            UserDetails u = users.loadUserByUsername(username);
            return u.isEnabled() ? Optional.of(u) : Optional.empty();
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
    }

    private static Optional<Role> role(UserDetails user) {
        for (Role role : Role.values()) {
            for (GrantedAuthority a : user.getAuthorities()) {
                if (role.authority().equals(a.getAuthority())) return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    private String kill(long fromId, UserDetails user, String reason, Instant now) {
        if (role(user).filter(r -> r.includes(Role.OPERATOR)).isEmpty()) {
            // through the controls, so that the refusal is recorded exactly as the app records it (DENIED)
            try {
                asUser(user, () -> controls.engageKillSwitch(reason));
            } catch (org.springframework.security.access.AccessDeniedException denied) {
                // recorded DENIED by the controls
            }
            return "Only operators and admins may engage the kill switch.";
        }
        int min = controls.rules().engageReasonMinLength();
        if (reason.length() < min) return "Give a reason of at least " + min + " characters: /kill <reason>";
        Instant until = now.plus(confirmWithin);
        try {
            pendingKills.hold(fromId, new PendingKills.PendingKill(user.getUsername(), reason, until), confirmWithin);
        } catch (RuntimeException e) {
            audit.record(new AuditEntry(user.getUsername(), KILL_REQUESTED, who(fromId), reason, AuditOutcome.FAILED,
                    "the request could not be held for its confirmation: " + e.getClass().getSimpleName(), null));
            return "The kill request cannot be held for its confirmation now (shared state unavailable). "
                    + "Engage the kill switch in the app (Dashboard or Runbook).";
        }
        audit.record(new AuditEntry(user.getUsername(), KILL_REQUESTED, who(fromId), reason, AuditOutcome.SUCCESS,
                "waiting for /confirm until " + until, null));
        return "Engage the kill switch (no new orders at all) with the reason \"" + reason + "\"? Send /confirm within "
                + confirmWithin.toSeconds() + " s, or /cancel.";
    }

    private String confirm(long fromId, UserDetails user, Instant now) {
        Optional<PendingKills.PendingKill> taken;
        try {
            taken = pendingKills.take(fromId);
        } catch (RuntimeException e) {
            audit.record(new AuditEntry(user.getUsername(), KILL_CONFIRM, who(fromId), null, AuditOutcome.FAILED,
                    "the waiting request could not be read: " + e.getClass().getSimpleName(), null));
            return "The kill request cannot be read now (shared state unavailable). Engage the kill switch in the app.";
        }
        String notConfirmable = taken.isEmpty() ? "nothing waiting (never asked, cancelled, expired or already confirmed)"
                : !taken.get().until().isAfter(now) ? "the request expired at " + taken.get().until()
                : !taken.get().username().equals(user.getUsername()) ? "asked as " + taken.get().username() + ", the link changed since"
                : null;
        if (notConfirmable != null) {
            audit.record(new AuditEntry(user.getUsername(), KILL_CONFIRM, who(fromId), null, AuditOutcome.FAILED, notConfirmable, null));
            return "Nothing to confirm: send /kill <reason> first.";
        }
        PendingKills.PendingKill pending = taken.get();
        ControlResult result;
        try {
            result = asUser(user, () -> controls.engageKillSwitch(pending.reason() + " [via Telegram]"));
        } catch (org.springframework.security.access.AccessDeniedException denied) {
            return "Only operators and admins may engage the kill switch.";
        }
        return switch (result) {
            case ControlResult.Applied applied -> "Kill switch ENGAGED. No new orders until an admin disengages it.";
            case ControlResult.Refused refused -> "Not engaged: " + refused.refusal().message();
        };
    }

    private String cancel(long fromId, String username) {
        boolean cancelled;
        try {
            cancelled = pendingKills.cancel(fromId);
        } catch (RuntimeException e) {
            return "The kill request cannot be reached now (shared state unavailable); it expires by itself.";
        }
        if (!cancelled) return "Nothing to cancel.";
        audit.record(new AuditEntry(username, KILL_CANCELLED, who(fromId), null, AuditOutcome.SUCCESS, "the waiting /kill was cancelled", null));
        return "Cancelled: the kill switch was not engaged.";
    }

    private String acknowledge(UserDetails user, String argument) {
        long id;
        try {
            id = Long.parseLong(argument.replaceFirst("^#", ""));
        } catch (NumberFormatException e) {
            return "Which alert? /ack <number> (the number after 'alert #')";
        }
        try {
            AlertEntry acknowledged = asUser(user, () -> alerts.acknowledge(id));
            return "Acknowledged alert #" + id + ": " + acknowledged.title();
        } catch (org.springframework.security.access.AccessDeniedException denied) {
            return "Only operators and admins may acknowledge alerts.";
        } catch (AlertRefusal refusal) {
            return "Not acknowledged: " + refusal.getMessage();
        }
    }

    private <T> T asUser(UserDetails user, Supplier<T> action) {
        SecurityContext previous = contexts.getContext();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.getUsername(), null, user.getAuthorities()));
        contexts.setContext(context);
        try {
            return action.get();
        } finally {
            contexts.setContext(previous);
        }
    }

    private String status() {
        StringBuilder s = new StringBuilder("Tradepilot status\n");
        Optional<TradingQueries> queries = trading.get();
        if (queries.isPresent()) {
            EngineStatus e = queries.get().status();
            s.append("Engine here: ").append(e.role()).append(e.engineState() == null ? "" : " " + e.engineState())
                    .append(e.marketTime() == null ? "" : ", last bar " + e.marketTime()).append('\n');
        }
        ControlsReading reading = controls.read();
        switch (reading) {
            case ControlsReading.Known k -> s.append("Trading: ").append(k.trading().state())
                    .append("\nKill switch: ").append(k.killSwitch().state())
                    .append("\nCircuit breaker: ").append(k.circuitBreaker().state())
                    .append(k.circuitBreaker().tripReason().map(r -> " (" + r + ")").orElse("")).append('\n');
            case ControlsReading.Unknown u -> s.append("Controls: UNKNOWN (").append(u.cause()).append(") – trading is blocked\n");
        }
        portfolio().ifPresentOrElse(p -> s.append("Equity ").append(money(p.equity())).append(", today ").append(signed(p.dayPnl()))
                .append(", ").append(p.positions().size()).append(" positions, ").append(p.workingOrders()).append(" working orders")
                .append(p.fromEngine() ? "" : " (from the ledger at cached closes)"), () -> s.append("No portfolio yet."));
        return s.toString();
    }

    private Optional<LivePortfolio> portfolio() {
        return trading.get().flatMap(TradingQueries::portfolio);
    }

    private String positions() {
        Optional<LivePortfolio> p = portfolio();
        if (p.isEmpty()) return "No portfolio yet.";
        if (p.get().positions().isEmpty()) return "No open positions.";
        StringBuilder s = new StringBuilder("Open positions\n");
        for (LivePortfolio.Position pos : p.get().positions()) {
            s.append(pos.symbol()).append(' ').append(pos.quantity().stripTrailingZeros().toPlainString())
                    .append(" @ ").append(pos.averagePrice().toPlainString())
                    .append(pos.mark() == null ? ", unmarked" : ", mark " + pos.mark().toPlainString() + ", unrealized " + signed(pos.unrealizedPnl()))
                    .append('\n');
        }
        return s.toString().stripTrailing();
    }

    private String pnl() {
        return portfolio().map(p -> "P&L\nToday: " + signed(p.dayPnl()) + "\nRealized: " + signed(p.realizedPnl())
                + "\nUnrealized: " + signed(p.unrealizedPnl()) + "\nFees: " + money(p.fees()) + "\nEquity: " + money(p.equity())
                + (p.drawdown() == null ? "" : "\nDrawdown: " + p.drawdown().movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " %"))
                .orElse("No portfolio yet.");
    }

    private String orders() {
        List<LedgerOrder> working = trading.get().map(q -> q.orders(true, 20)).orElse(List.of());
        if (working.isEmpty()) return "No working orders.";
        StringBuilder s = new StringBuilder("Working orders\n");
        for (LedgerOrder o : working) {
            s.append(o.side()).append(' ').append(o.quantity().stripTrailingZeros().toPlainString()).append(' ').append(o.symbol())
                    .append(' ').append(o.type()).append(o.limitPrice() == null ? "" : " limit " + o.limitPrice().toPlainString())
                    .append(o.stopPrice() == null ? "" : " stop " + o.stopPrice().toPlainString())
                    .append(", filled ").append(o.filledQuantity().stripTrailingZeros().toPlainString()).append(" (").append(o.clientOrderId()).append(")\n");
        }
        return s.toString().stripTrailing();
    }

    private static String money(BigDecimal v) {
        return v == null ? "–" : v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String signed(BigDecimal v) {
        return v == null ? "–" : (v.signum() > 0 ? "+" : "") + money(v);
    }
}
