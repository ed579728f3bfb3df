package io.energywatch.analytics.anomaly;

/**
 * The seasonal baseline scaled to the series' current level: the median over the last {@code profile.window} rows of
 * value / baseline (divided by the degree-day level when the rows carry weather, so a colder day starts at its own
 * level), or of value − baseline once a value was not strictly positive. At the start of a local day the level is
 * still measured on yesterday's rows, so its scale is widened by the typical day-to-day change of the level until the
 * day has a window of its own (see {@link DetectorConfig.Profile}). Off when {@code profile.window} is 0.
 */
final class ProfileLevel {

    /** Residuals needed before their scale is trusted. */
    private static final int MIN_RESIDUALS = 8;
    /** Day-to-day level changes needed before the day-start widening, and so the profile, is used. */
    static final int MIN_DAY_JUMPS = 3;

    /**
     * A row's profile expectation.
     *
     * @param expected      the level-scaled baseline; NaN when the profile has no expectation for the row
     * @param scale         the robust scale of its residuals; NaN while too few are known
     * @param weatherScaled whether the level was measured relative to the degree-day level
     */
    record Expectation(double expected, double scale, boolean weatherScaled) {
        static final Expectation NONE = new Expectation(Double.NaN, Double.NaN, false);
    }

    private final int window;
    private final int jumpDays;
    private final RollingWindow ratios;
    private final RollingWindow offsets;
    private final RollingWindow weatherRatios;
    private final RollingWindow dayJumps;
    private final RollingWindow absResiduals;
    private long day = Long.MIN_VALUE;
    private int rowsToday;
    private double lastDayLevel = Double.NaN;
    private double level = Double.NaN;
    /** Consecutive rows whose ratio entered {@code weatherRatios}: the weather-relative median needs a full window. */
    private int weatherRatioRun;
    private boolean positive = true;

    ProfileLevel(DetectorConfig.Profile config, int residualWindow) {
        this.window = config.window();
        this.jumpDays = config.jumpDays();
        int capacity = Math.max(1, window);
        this.ratios = new RollingWindow(capacity);
        this.offsets = new RollingWindow(capacity);
        this.weatherRatios = new RollingWindow(capacity);
        this.dayJumps = new RollingWindow(Math.max(1, jumpDays));
        this.absResiduals = new RollingWindow(residualWindow);
    }

    /**
     * The row's expectation from the baseline's {@code seasonalExpected} and the degree-day {@code weatherLevel} (NaN
     * without weather). Measures the level it is scaled to, which {@link #startDay} remembers.
     */
    Expectation expect(double seasonalExpected, double weatherLevel, double floor) {
        if (Double.isNaN(seasonalExpected) || window == 0 || offsets.size() < (window + 1) / 2) {
            return Expectation.NONE;
        }
        double expected;
        boolean weatherScaled = false;
        if (!positive) {
            expected = seasonalExpected + offsets.median();
        } else if (!Double.isNaN(weatherLevel) && weatherRatioRun >= weatherRatios.size()
                && weatherRatios.size() == ratios.size()) {
            level = weatherRatios.median();
            expected = seasonalExpected * weatherLevel * level;
            weatherScaled = true;
        } else {
            level = ratios.median();
            expected = seasonalExpected * level;
        }
        double scale = absResiduals.size() >= MIN_RESIDUALS
                ? Math.max(absResiduals.residualSigma(), floor) : Double.NaN;
        return new Expectation(expected, scale, weatherScaled);
    }

    /** The level the last expectation was scaled to (a ratio to the baseline); NaN before the first. */
    double level() {
        return level;
    }

    /** On the first row of a new local day: remembers how far the level moved from yesterday's. */
    void startDay(long localDay) {
        if (window == 0 || localDay == day) {
            return;
        }
        if (!Double.isNaN(level)) {
            if (!Double.isNaN(lastDayLevel) && jumpDays > 0) {
                dayJumps.add(Math.abs(level / lastDayLevel - 1));
            }
            lastDayLevel = level;
        }
        day = localDay;
        rowsToday = 0;
    }

    /**
     * How uncertain {@code row}'s expectation is because the level window still holds yesterday's rows: yesterday's
     * share of the window times the typical day-to-day change, in the series' unit; 0 when not known.
     */
    double levelUncertainty(Expectation row) {
        if (Double.isNaN(row.scale()) || !positive || dayJumps.size() < MIN_DAY_JUMPS) {
            return 0;
        }
        double yesterdayShare = Math.max(0, window - rowsToday) / (double) window;
        return yesterdayShare * dayJumps.residualSigma() * Math.abs(row.expected());
    }

    /** Whether the profile has seen enough day changes to be trusted (always, when day starts are not widened). */
    boolean ready() {
        return jumpDays == 0 || dayJumps.size() >= MIN_DAY_JUMPS;
    }

    void learn(double x, double seasonalExpected, Expectation row, double weatherLevel) {
        if (window == 0) {
            return;
        }
        if (!Double.isNaN(row.expected())) {
            absResiduals.add(Math.abs(x - row.expected()));
        }
        positive &= x > 0;
        if (!Double.isNaN(seasonalExpected)) {
            offsets.add(x - seasonalExpected);
            rowsToday++;
            if (positive) {
                double ratio = x / seasonalExpected;
                ratios.add(ratio);
                if (Double.isNaN(weatherLevel)) {
                    weatherRatioRun = 0;
                } else {
                    weatherRatios.add(ratio / weatherLevel);
                    weatherRatioRun++;
                }
            }
        }
    }
}
