package com.marketopportunities.scoring;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Every number of SCANNER.md section 3, as configuration. {@link #defaults()} are the spec's values.
 *
 * @param horizons            window, momentum period and pillar weights per horizon
 * @param benchmarkSymbol     the symbol relative strength is measured against (SPY)
 * @param minBars             bars needed for price momentum, relative strength and diversification (20)
 * @param rsiPeriod           RSI look-back in daily changes (14)
 * @param minDailyReturns     daily returns needed for a volatility (10)
 * @param tradingDaysPerYear  annualization factor and expected bars per calendar year (252)
 * @param momentum            momentum scaling
 * @param value               value scaling
 * @param diversification     diversification scaling
 */
public record ScoringSettings(
        Map<Horizon, HorizonSettings> horizons,
        String benchmarkSymbol,
        int minBars,
        int rsiPeriod,
        int minDailyReturns,
        int tradingDaysPerYear,
        MomentumSettings momentum,
        ValueSettings value,
        DiversificationSettings diversification) {

    /** Bumped whenever a formula changes, so that cached scores of another model are misses. */
    public static final String FORMULA_VERSION = "1";

    public ScoringSettings {
        Objects.requireNonNull(benchmarkSymbol, "benchmarkSymbol");
        horizons = Map.copyOf(new EnumMap<>(horizons));
        for (Horizon horizon : Horizon.values()) {
            if (!horizons.containsKey(horizon)) {
                throw new IllegalArgumentException("no settings for horizon " + horizon.key());
            }
        }
    }

    /**
     * @param windowDays     history window in calendar days, ending on the as-of date
     * @param momentumBars   bars of the price-momentum return (capped by the bars available)
     */
    public record HorizonSettings(int windowDays, int momentumBars, double momentumWeight, double valueWeight,
                                  double diversificationWeight) {
        public HorizonSettings {
            double sum = momentumWeight + valueWeight + diversificationWeight;
            if (windowDays < 1 || momentumBars < 2 || Math.abs(sum - 1.0) > 1e-9) {
                throw new IllegalArgumentException("horizon settings need a window >= 1 day, momentum >= 2 bars and "
                        + "weights that add up to 1, got window " + windowDays + " days, momentum " + momentumBars
                        + " bars, weights " + momentumWeight + ", " + valueWeight + ", " + diversificationWeight
                        + " (sum " + sum + ")");
            }
        }

        /** Bars a complete window holds: {@code round(windowDays * tradingDays / 365)}. */
        public long expectedBars(int tradingDaysPerYear) {
            return Math.round(windowDays * (double) tradingDaysPerYear / 365);
        }
    }

    /**
     * @param pointsPerReturnPct   price-momentum points per % of return (50/30)
     * @param rsiPointsPerUnit      points per RSI unit away from 50 (2.5)
     * @param pointsPerRelativePct relative-strength points per % over the benchmark (50/15)
     */
    public record MomentumSettings(double pointsPerReturnPct, double rsiPointsPerUnit, double pointsPerRelativePct) {
    }

    /**
     * @param fairPe             the P/E that scores 50 (20)
     * @param pointsPerPeBelow   points per P/E unit below fair (5)
     * @param pointsPerPeAbove   points lost per P/E unit above fair (2.5)
     * @param pointsPerYieldPct  points per % of dividend yield (25)
     */
    public record ValueSettings(double fairPe, double pointsPerPeBelow, double pointsPerPeAbove,
                                double pointsPerYieldPct) {
    }

    /**
     * @param neutralVolatility    annualized volatility that scores 50 (0.15)
     * @param pointsPerVolBelow    points per unit of volatility below neutral (600)
     * @param pointsPerVolAbove    points lost per unit of volatility above neutral (300)
     */
    public record DiversificationSettings(double neutralVolatility, double pointsPerVolBelow,
                                          double pointsPerVolAbove) {
    }

    public HorizonSettings horizon(Horizon horizon) {
        return horizons.get(horizon);
    }

    /** The first day of the horizon's window, inclusive: {@code asOf - windowDays}; scores, risk and fit share it. */
    public LocalDate windowStart(Horizon horizon, LocalDate asOf) {
        return asOf.minusDays(horizon(horizon).windowDays());
    }

    /** The first day of the longest window: where a scan's histories start, so one fetch serves every horizon. */
    public LocalDate earliestWindowStart(LocalDate asOf) {
        int longest = Arrays.stream(Horizon.values()).mapToInt(h -> horizon(h).windowDays()).max()
                .orElseThrow();
        return asOf.minusDays(longest);
    }

    /** The version written next to every score: the formula version and a digest of these settings. */
    public String modelVersion() {
        StringBuilder canonical = new StringBuilder();
        for (Horizon horizon : Horizon.values()) {
            canonical.append(horizon).append('=').append(horizons.get(horizon)).append(';');
        }
        canonical.append(benchmarkSymbol).append(minBars).append(rsiPeriod).append(minDailyReturns)
                .append(tradingDaysPerYear).append(momentum).append(value).append(diversification);
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return FORMULA_VERSION + "-" + java.util.HexFormat.of().formatHex(digest, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    public static ScoringSettings defaults() {
        Map<Horizon, HorizonSettings> horizons = new EnumMap<>(Horizon.class);
        horizons.put(Horizon.SHORT, new HorizonSettings(90, 20, 0.50, 0.20, 0.30));
        horizons.put(Horizon.MEDIUM, new HorizonSettings(180, 60, 0.40, 0.30, 0.30));
        horizons.put(Horizon.LONG, new HorizonSettings(365, 90, 0.30, 0.40, 0.30));
        return new ScoringSettings(horizons, "SPY", 20, 14, 10, 252,
                new MomentumSettings(50.0 / 30, 2.5, 50.0 / 15),
                new ValueSettings(20, 5, 2.5, 25),
                new DiversificationSettings(0.15, 600, 300));
    }
}
