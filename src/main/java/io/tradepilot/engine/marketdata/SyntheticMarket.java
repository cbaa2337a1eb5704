package io.tradepilot.engine.marketdata;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A seeded synthetic market for demos, tests and benchmarks: the same {@link Spec} (seed included)
 * always yields identical bars, on any JVM (own SplitMix64 generator, {@link StrictMath} only).
 *
 * <p>Model: a log-price random walk whose drift follows a Markov chain of trend regimes (up, flat,
 * down) and whose volatility follows a chain of calm/volatile regimes, both switching at day
 * boundaries. Sessions run Monday to Friday (no holiday calendar). With {@code barsPerDay > 1} each
 * session has a U-shaped intraday profile: volatility and volume are highest at the open and the
 * close and lowest at midday; the first bar of a day opens with an overnight gap. Prices are rounded
 * to the tick size (open/close to the nearest tick, high up, low down), never fall below one tick, and
 * every bar is consistent ({@code low <= open, close <= high}).
 */
public final class SyntheticMarket {

    /**
     * What to generate.
     *
     * @param symbol      symbol of the series
     * @param zone        exchange zone (sessions and daily bars are local to it)
     * @param firstDay    first calendar day considered (weekends are skipped)
     * @param tradingDays number of sessions
     * @param barsPerDay  1 for daily bars, more for intraday bars of {@code barMinutes} from {@code sessionOpen}
     * @param sessionOpen local start of the session's first intraday bar
     * @param barMinutes  length of an intraday bar in minutes
     * @param tickSize    price increment (its scale is the series' price scale)
     * @param startPrice  price before the first bar
     * @param dailyVolume average volume per session
     * @param seed        random seed
     */
    public record Spec(String symbol, ZoneId zone, LocalDate firstDay, int tradingDays, int barsPerDay,
                       LocalTime sessionOpen, int barMinutes, BigDecimal tickSize, BigDecimal startPrice,
                       long dailyVolume, long seed) {
        public Spec {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(firstDay, "firstDay");
            Objects.requireNonNull(sessionOpen, "sessionOpen");
            if (tradingDays < 0) throw new IllegalArgumentException("tradingDays must not be negative");
            if (barsPerDay < 1) throw new IllegalArgumentException("barsPerDay must be at least 1");
            if (barsPerDay > 1 && (barMinutes < 1 || (long) barsPerDay * barMinutes > 24 * 60)) {
                throw new IllegalArgumentException("a session must fit in one day");
            }
            if (tickSize == null || tickSize.signum() <= 0 || tickSize.stripTrailingZeros().scale() > BarSeries.MAX_SCALE) {
                throw new IllegalArgumentException("tick size must be positive with at most " + BarSeries.MAX_SCALE + " decimals");
            }
            if (startPrice == null || startPrice.compareTo(tickSize) < 0) throw new IllegalArgumentException("start price below one tick");
            if (dailyVolume < 0) throw new IllegalArgumentException("dailyVolume must not be negative");
        }

        /** NSE-like daily bars: Asia/Kolkata, tick 0.05, from 2015-01-01, start price 1000. */
        public static Spec nseDaily(String symbol, int tradingDays, long seed) {
            return new Spec(symbol, ZoneId.of("Asia/Kolkata"), LocalDate.of(2015, 1, 1), tradingDays, 1,
                    LocalTime.MIDNIGHT, 0, new BigDecimal("0.05"), new BigDecimal("1000"), 2_000_000, seed);
        }

        /** NSE-like 5-minute bars: 75 bars from 09:15 Asia/Kolkata, tick 0.05. */
        public static Spec nseFiveMinute(String symbol, int tradingDays, long seed) {
            return new Spec(symbol, ZoneId.of("Asia/Kolkata"), LocalDate.of(2023, 7, 3), tradingDays, 75,
                    LocalTime.of(9, 15), 5, new BigDecimal("0.05"), new BigDecimal("1000"), 2_000_000, seed);
        }
    }

    private static final double[] TREND_DRIFT = {0.0008, 0.0, -0.0006}; // per day, log terms
    private static final double[] VOLATILITY = {0.011, 0.026};          // per day
    private static final double TREND_SWITCH = 0.02;                     // per day
    private static final double VOL_SWITCH = 0.03;                       // per day

    private SyntheticMarket() {
    }

    /** Generates the series described by {@code spec}. */
    public static BarSeries generate(Spec spec) {
        BigDecimal tick = spec.tickSize().stripTrailingZeros();
        int scale = Math.max(0, tick.scale());
        long tickUnits = tick.setScale(scale).unscaledValue().longValueExact();
        double unit = BarSeries.POW10[scale];
        int perDay = spec.barsPerDay();
        boolean daily = perDay == 1;
        BarSeries.Builder out = new BarSeries.Builder(spec.symbol(), spec.zone(), daily ? TimeStamping.DATE : TimeStamping.DATE_TIME,
                scale, spec.tradingDays() * perDay);

        // U-shaped profiles, normalised: mean of volProfile^2 = 1 (variance per day preserved), mean of volumeProfile = 1.
        double[] volProfile = new double[perDay];
        double[] volumeProfile = new double[perDay];
        double sumSq = 0, sum = 0;
        for (int j = 0; j < perDay; j++) {
            double x = perDay == 1 ? 0 : 2.0 * j / (perDay - 1) - 1; // -1 .. 1
            volProfile[j] = 1 + 1.5 * x * x;
            volumeProfile[j] = 1 + 2.5 * x * x;
            sumSq += volProfile[j] * volProfile[j];
            sum += volumeProfile[j];
        }
        double volNorm = StrictMath.sqrt(sumSq / perDay);
        for (int j = 0; j < perDay; j++) {
            volProfile[j] /= volNorm;
            volumeProfile[j] /= sum / perDay;
        }

        Rng rng = new Rng(spec.seed());
        int trend = 1, vol = 0;
        double price = spec.startPrice().doubleValue();
        double minPrice = tickUnits / unit;
        LocalDate day = spec.firstDay();
        int made = 0;
        while (made < spec.tradingDays()) {
            DayOfWeek dow = day.getDayOfWeek();
            if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
                day = day.plusDays(1);
                continue;
            }
            if (rng.nextDouble() < TREND_SWITCH) trend = (trend + 1 + (rng.nextDouble() < 0.5 ? 0 : 1)) % 3;
            if (rng.nextDouble() < VOL_SWITCH) vol = 1 - vol;
            double sigmaBar = VOLATILITY[vol] / StrictMath.sqrt(perDay);
            double driftBar = TREND_DRIFT[trend] / perDay;
            long sessionStart = daily ? day.atStartOfDay(spec.zone()).toInstant().toEpochMilli()
                    : day.atTime(spec.sessionOpen()).atZone(spec.zone()).toInstant().toEpochMilli();
            for (int j = 0; j < perDay; j++) {
                double open = price;
                if (j == 0) open = Math.max(minPrice, price * StrictMath.exp(rng.nextGaussian() * VOLATILITY[vol] * 0.3));
                double s = sigmaBar * volProfile[j];
                double close = Math.max(minPrice, open * StrictMath.exp(driftBar - 0.5 * s * s + s * rng.nextGaussian()));
                double up = StrictMath.abs(rng.nextGaussian()) * s * 0.6;
                double down = StrictMath.abs(rng.nextGaussian()) * s * 0.6;
                long o = roundToTick(open * unit, tickUnits, 0);
                long c = roundToTick(close * unit, tickUnits, 0);
                long h = Math.max(Math.max(o, c), roundToTick(Math.max(open, close) * StrictMath.exp(up) * unit, tickUnits, 1));
                long l = Math.min(Math.min(o, c), roundToTick(Math.min(open, close) * StrictMath.exp(-down) * unit, tickUnits, -1));
                l = Math.max(tickUnits, l);
                double noise = StrictMath.exp(0.35 * rng.nextGaussian() - 0.06125);
                long volume = Math.round(spec.dailyVolume() / (double) perDay * volumeProfile[j] * (vol == 1 ? 1.6 : 1.0) * noise);
                long start = sessionStart + (long) j * spec.barMinutes() * 60_000L;
                out.add(start, o, h, l, c, volume);
                price = c / unit;
            }
            made++;
            day = day.plusDays(1);
        }
        return out.build();
    }

    /** Rounds scaled {@code v} to a multiple of {@code tick}: mode 0 nearest, 1 up, -1 down; at least one tick. */
    private static long roundToTick(double v, long tick, int mode) {
        double t = v / tick;
        double r = mode == 0 ? Math.rint(t) : mode > 0 ? Math.ceil(t) : Math.floor(t);
        return Math.max(1, (long) r) * tick;
    }

    /** SplitMix64 with Box-Muller normals: fully specified, so identical on every JVM. */
    static final class Rng {
        private long state;
        private double spare;
        private boolean hasSpare;

        Rng(long seed) {
            state = seed;
        }

        long nextLong() {
            long z = (state += 0x9E3779B97F4A7C15L);
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        /** Uniform in [0, 1). */
        double nextDouble() {
            return (nextLong() >>> 11) * 0x1.0p-53;
        }

        double nextGaussian() {
            if (hasSpare) {
                hasSpare = false;
                return spare;
            }
            double u1 = 1.0 - nextDouble(); // (0, 1]
            double u2 = nextDouble();
            double r = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
            double a = 2 * StrictMath.PI * u2;
            spare = r * StrictMath.sin(a);
            hasSpare = true;
            return r * StrictMath.cos(a);
        }
    }
}
