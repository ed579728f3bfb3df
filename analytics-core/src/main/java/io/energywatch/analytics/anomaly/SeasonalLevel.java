package io.energywatch.analytics.anomaly;

/**
 * The weekday × time-of-day expectation ({@link SeasonalBaseline}) with the robust scale of its residuals. It starts
 * once the series' slot width is known. What it learns can be clipped to a band around its expectation and held back
 * while an alarm episode is open (see {@link DetectorConfig.Seasonal}).
 */
final class SeasonalLevel {

    /** Residuals needed before their scale is trusted. */
    private static final int MIN_RESIDUALS = 8;

    private final DetectorConfig.Seasonal config;
    private final RollingWindow absResiduals;
    private SeasonalBaseline baseline;

    SeasonalLevel(DetectorConfig.Seasonal config, int residualWindow) {
        this.config = config;
        this.absResiduals = new RollingWindow(residualWindow);
    }

    /** Starts the baseline with the series' slots; before, every expectation is NaN. */
    void start(int slotsPerDay) {
        baseline = new SeasonalBaseline(slotsPerDay, config.depthWeeks(), config.depthDays(), config.minWeeks(),
                config.minDays());
    }

    /** The expected value at {@code at}; NaN while the baseline or its slot is too young. */
    double expected(SeriesClock.Position at) {
        return baseline == null ? Double.NaN : baseline.expected(at.dayOfWeek(), at.daySlot());
    }

    /** The residuals' robust scale, at least {@code floor}; NaN while too few residuals are known. */
    double scale(double floor) {
        return absResiduals.size() >= MIN_RESIDUALS ? Math.max(absResiduals.residualSigma(), floor) : Double.NaN;
    }

    /** The mean absolute residual, compared with the rolling median's error under {@code errorRatio}. */
    double meanAbsResidual() {
        return absResiduals.mean();
    }

    /**
     * The value the baseline learns for {@code x}: clipped to {@code expected} ± {@code clipZ} × {@code scale} when
     * clipping is on and the row was scored against a warmed-up expectation, so an incident does not bend its slot.
     */
    double learnable(double x, double expected, double scale, boolean clip) {
        if (config.clipZ() > 0 && clip) {
            double band = config.clipZ() * scale;
            return Math.max(expected - band, Math.min(expected + band, x));
        }
        return x;
    }

    /**
     * Learns a row: its residual against {@code seasonalExpected} (when there was one), and {@code value} into its slot
     * unless {@code hold} keeps an incident out (a slot whose baseline is not formed yet still learns).
     */
    void learn(double x, double value, double seasonalExpected, SeriesClock.Position at, boolean hold) {
        if (!Double.isNaN(seasonalExpected)) {
            absResiduals.add(Math.abs(x - seasonalExpected));
        }
        if (baseline != null && !(hold && !Double.isNaN(seasonalExpected))) {
            baseline.update(at.dayOfWeek(), at.daySlot(), value);
        }
    }
}
