package io.energywatch.analytics.anomaly;

/**
 * A short-term against a long-term exponential mean, the gap compared with its own long-run spread: the spread already
 * holds what seasonality leaks through the short mean, so only a gap that keeps growing stands out. The long mean is
 * also the series' typical level. Half-lives are converted to rows with the series' step, once it is known.
 */
final class MeanDrift {

    private final DetectorConfig.Drift config;
    private final SeriesClock clock;
    private double shortMean = Double.NaN;
    private double longMean = Double.NaN;
    private double gapVariance;
    private double alphaShort;
    private double alphaLong;

    MeanDrift(DetectorConfig.Drift config, SeriesClock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Converts the half-lives with the clock's step, once it is known. */
    void start() {
        alphaShort = 1 - Math.pow(0.5, 1.0 / clock.halfLifePoints(config.shortHalfLife()));
        alphaLong = 1 - Math.pow(0.5, 1.0 / clock.halfLifePoints(config.longHalfLife()));
    }

    /** The long-term mean; NaN before the first value. */
    double longMean() {
        return longMean;
    }

    /**
     * The gap between the means in standard deviations of the gap (at least {@code floor}), after {@code observed}
     * rows; NaN until a long half-life of rows has been seen.
     */
    double z(double floor, long observed) {
        if (Double.isNaN(longMean) || !(gapVariance > 0) || !learned(observed)) {
            return Double.NaN;
        }
        double sd = Math.max(Math.sqrt(gapVariance), floor);
        return (shortMean - longMean) / sd;
    }

    /** Learns {@code x}, the row after {@code observed} earlier ones. */
    void learn(double x, long observed) {
        if (Double.isNaN(longMean)) {
            shortMean = x;
            longMean = x;
            return;
        }
        // Plain running means until the history is as long as the half-life, so the start does not linger.
        double startup = 1.0 / (observed + 1);
        shortMean += Math.max(alphaShort, startup) * (x - shortMean);
        double alpha = Math.max(alphaLong, startup);
        longMean += alpha * (x - longMean);
        // Once learned, the spread ignores gaps beyond 3 spreads, so a growing gap does not inflate the spread it is
        // measured against.
        double gap = shortMean - longMean;
        if (!learned(observed) || gap * gap <= 9 * gapVariance) {
            gapVariance += alpha * (gap * gap - gapVariance);
        }
    }

    private boolean learned(long observed) {
        return observed >= clock.halfLifePoints(config.longHalfLife());
    }
}
