package io.tradepilot.engine.strategy.exits;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settings of the shared {@link ExitManager}. A zero multiple/count or a null time turns that rule off.
 *
 * @param atrPeriod             ATR period for the ATR stop and trail (14)
 * @param atrStop               initial stop at {@code entry ∓ atrStop x ATR} when the entry carried no stop (0: off)
 * @param trailAtr              trailing stop {@code highest high - trailAtr x ATR} (lows/plus for shorts) (0: off)
 * @param partialAtR            book {@code partialFraction} once the close is {@code partialAtR x R} in favour (0: off)
 * @param partialFraction       fraction of the initial quantity booked, in (0, 1]
 * @param breakevenAfterPartial move the stop to the entry price when the partial is booked
 * @param targetR               exit all once the close is {@code targetR x R} in favour (0: off)
 * @param maxBars               time stop: exit all at the close of the {@code maxBars}-th bar held (0: off)
 * @param squareOffAt           exit all at the close of the bar that ends at or after this local time (null: off)
 * @param zone                  the exchange zone for {@code squareOffAt} ({@code ExchangeCalendar.zone()})
 */
public record ExitManagerSettings(int atrPeriod, double atrStop, double trailAtr, BigDecimal partialAtR,
                                  BigDecimal partialFraction, boolean breakevenAfterPartial, BigDecimal targetR,
                                  int maxBars, LocalTime squareOffAt, ZoneId zone) {

    public static final Set<String> KEYS = Set.of("atrPeriod", "atrStop", "trailAtr", "partialAtR", "partialFraction",
            "breakevenAfterPartial", "targetR", "maxBars", "squareOffAt", "zone");

    public ExitManagerSettings {
        List<String> problems = problems(atrPeriod, atrStop, trailAtr, partialAtR, partialFraction, targetR, maxBars);
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
        if (zone == null) throw new IllegalArgumentException("zone: required");
    }

    static List<String> problems(int atrPeriod, double atrStop, double trailAtr, BigDecimal partialAtR, BigDecimal partialFraction,
                                 BigDecimal targetR, int maxBars) {
        List<String> p = new ArrayList<>();
        if (atrPeriod < 1 || atrPeriod > 1000) p.add("atrPeriod: must be between 1 and 1000, got " + atrPeriod);
        if (!(atrStop >= 0) || atrStop > 100) p.add("atrStop: must be between 0 and 100, got " + atrStop);
        if (!(trailAtr >= 0) || trailAtr > 100) p.add("trailAtr: must be between 0 and 100, got " + trailAtr);
        if (partialAtR.signum() < 0) p.add("partialAtR: must not be negative, got " + partialAtR.toPlainString());
        if (partialFraction.signum() <= 0 || partialFraction.compareTo(BigDecimal.ONE) > 0) p.add("partialFraction: must be in (0, 1], got " + partialFraction.toPlainString());
        if (targetR.signum() < 0) p.add("targetR: must not be negative, got " + targetR.toPlainString());
        if (targetR.signum() > 0 && partialAtR.signum() > 0 && partialAtR.compareTo(targetR) >= 0) {
            p.add("partialAtR: must be less than targetR (" + targetR.toPlainString() + ")");
        }
        if (maxBars < 0) p.add("maxBars: must not be negative, got " + maxBars);
        return p;
    }

    /** Everything off: the manager then only keeps the entry's own stop. */
    public static ExitManagerSettings none(ZoneId zone) {
        return new ExitManagerSettings(14, 0, 0, BigDecimal.ZERO, new BigDecimal("0.5"), true, BigDecimal.ZERO, 0, null, zone);
    }

    public ExitManagerSettings withAtrPeriod(int n) { return new ExitManagerSettings(n, atrStop, trailAtr, partialAtR, partialFraction, breakevenAfterPartial, targetR, maxBars, squareOffAt, zone); }
    public ExitManagerSettings withAtrStop(double m) { return new ExitManagerSettings(atrPeriod, m, trailAtr, partialAtR, partialFraction, breakevenAfterPartial, targetR, maxBars, squareOffAt, zone); }
    public ExitManagerSettings withTrailAtr(double m) { return new ExitManagerSettings(atrPeriod, atrStop, m, partialAtR, partialFraction, breakevenAfterPartial, targetR, maxBars, squareOffAt, zone); }
    public ExitManagerSettings withPartial(BigDecimal atR, BigDecimal fraction) { return new ExitManagerSettings(atrPeriod, atrStop, trailAtr, atR, fraction, breakevenAfterPartial, targetR, maxBars, squareOffAt, zone); }
    public ExitManagerSettings withTargetR(BigDecimal r) { return new ExitManagerSettings(atrPeriod, atrStop, trailAtr, partialAtR, partialFraction, breakevenAfterPartial, r, maxBars, squareOffAt, zone); }
    public ExitManagerSettings withMaxBars(int n) { return new ExitManagerSettings(atrPeriod, atrStop, trailAtr, partialAtR, partialFraction, breakevenAfterPartial, targetR, n, squareOffAt, zone); }
    public ExitManagerSettings withSquareOffAt(LocalTime t) { return new ExitManagerSettings(atrPeriod, atrStop, trailAtr, partialAtR, partialFraction, breakevenAfterPartial, targetR, maxBars, t, zone); }

    /**
     * Reads settings from text values ({@link #KEYS}; missing keys keep {@link #none}'s values, zone UTC).
     * Refuses unknown keys and bad values, naming every problem.
     */
    public static ExitManagerSettings fromMap(Map<String, String> m) {
        List<String> problems = new ArrayList<>();
        for (String k : m.keySet()) if (!KEYS.contains(k)) problems.add(k + ": unknown exit setting (known: " + new java.util.TreeSet<>(KEYS) + ")");
        ZoneId zone = ZoneId.of("UTC");
        try {
            if (m.containsKey("zone")) zone = ZoneId.of(m.get("zone"));
        } catch (RuntimeException e) {
            problems.add("zone: not a time zone: " + m.get("zone"));
        }
        ExitManagerSettings d = none(zone);
        int atrPeriod = intOf(m, "atrPeriod", d.atrPeriod, problems);
        double atrStop = doubleOf(m, "atrStop", d.atrStop, problems);
        double trail = doubleOf(m, "trailAtr", d.trailAtr, problems);
        BigDecimal partialAt = decOf(m, "partialAtR", d.partialAtR, problems);
        BigDecimal fraction = decOf(m, "partialFraction", d.partialFraction, problems);
        BigDecimal target = decOf(m, "targetR", d.targetR, problems);
        int maxBars = intOf(m, "maxBars", d.maxBars, problems);
        boolean be = !m.containsKey("breakevenAfterPartial") || Boolean.parseBoolean(m.get("breakevenAfterPartial"));
        LocalTime sq = null;
        try {
            if (m.containsKey("squareOffAt")) sq = LocalTime.parse(m.get("squareOffAt"));
        } catch (RuntimeException e) {
            problems.add("squareOffAt: not a time (HH:mm): " + m.get("squareOffAt"));
        }
        if (problems.isEmpty()) problems.addAll(problems(atrPeriod, atrStop, trail, partialAt, fraction, target, maxBars));
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
        return new ExitManagerSettings(atrPeriod, atrStop, trail, partialAt, fraction, be, target, maxBars, sq, zone);
    }

    /** {@code new ExitManager(fromMap(m))}. */
    public static ExitPolicy policyFrom(Map<String, String> m) {
        return new ExitManager(fromMap(m));
    }

    private static int intOf(Map<String, String> m, String k, int d, List<String> problems) {
        if (!m.containsKey(k)) return d;
        try {
            return Integer.parseInt(m.get(k).trim());
        } catch (NumberFormatException e) {
            problems.add(k + ": must be an integer, got '" + m.get(k) + "'");
            return d;
        }
    }

    private static double doubleOf(Map<String, String> m, String k, double d, List<String> problems) {
        return decOf(m, k, BigDecimal.valueOf(d), problems).doubleValue();
    }

    private static BigDecimal decOf(Map<String, String> m, String k, BigDecimal d, List<String> problems) {
        if (!m.containsKey(k)) return d;
        try {
            return new BigDecimal(m.get(k).trim());
        } catch (NumberFormatException e) {
            problems.add(k + ": must be a number, got '" + m.get(k) + "'");
            return d;
        }
    }
}
