package io.energywatch.analytics.anomaly;

import java.time.Duration;
import java.time.zone.ZoneRules;
import java.util.Arrays;

/**
 * Causal feature extraction for one series: each observation's features are computed from the state left by the
 * observations before it, and only then is the state updated with it. Not thread-safe; one instance per series.
 */
public final class SeriesFeatures {

    private static final long SECONDS_PER_DAY = 86_400;
    /** Share of an alarm within which the profile counts as back at the level remembered from an episode's onset. */
    private static final double RETURN_SHARE = 0.5;
    /** Day-to-day level changes the profile needs before its day-start widening, and so the profile, is used. */
    private static final int MIN_DAY_JUMPS = 3;
    /** Fewest exceedances in a density window that can be a spike-density anomaly. */
    private static final int MIN_DENSITY_COUNT = 3;
    /** Density windows of scored rows seen before the density record is trusted. */
    private static final int DENSITY_HISTORY_WINDOWS = 4;

    private final DetectorConfig config;
    private final ZoneRules zoneRules;
    private final RollingWindow rolling;
    private final RollingWindow seasonalAbsResidual;
    private final RollingWindow weatherAbsResidual;
    private final RollingWindow absDelta;
    private final RollingWindow absResidualZ;
    private final WeatherRegression weather;
    private final RollingWindow profileRatio;
    private final RollingWindow profileOffset;
    private final RollingWindow profileWeatherRatio;
    private final RollingWindow profileDayJumps;
    private long profileDay = Long.MIN_VALUE;
    private int profileRowsToday;
    private double profileLastDayLevel = Double.NaN;
    private double profileLevel = Double.NaN;
    private int weatherRatioRun;
    private final RollingWindow profileAbsResidual;
    // The last row's weather-relative profile level (NaN when its expectation was not the level-scaled profile relative
    // to the degree-day level), and the one remembered at the onset of an alarm episode (NaN when none is).
    private double rowProfileLevel = Double.NaN;
    private double onsetLevel = Double.NaN;
    private long onsetEpochSecond;
    private long onsetRow;
    // The degree-day regression as it was at the onset: it keeps learning during a level shift, so the level relative
    // to today's regression would follow the shift.
    private final double[] onsetWeather = new double[3];
    private boolean positive = true;
    // Out-of-sample absolute residuals against the rolling median (a ring with a running sum: only their mean is used).
    private final double[] rollingAbsResidual;
    private int rollingAbsHead;
    private int rollingAbsSize;
    private double rollingAbsSum;
    // Spike density: which of the last densityWindow rows had |raw z| >= densityZ, their count, and the largest count
    // seen so far.
    private final boolean[] exceedances;
    private int exceedanceHead;
    private int exceedanceCount;
    private int exceedanceMax;
    private long exceedanceRows;
    private double density;
    private boolean holdBaseline;
    private final double gaussianTail;
    private SeasonalBaseline baseline;
    private int slotSeconds;
    private long stepSeconds;

    private long firstEpochSecond = Long.MIN_VALUE;
    private long observed;
    private double previous = Double.NaN;
    private int runLength;
    private long runStart;
    private int longestEarlierRun;
    private int stuckRuns;
    private double cusumUp;
    private double cusumDown;
    private double driftShort = Double.NaN;
    private double driftLong = Double.NaN;
    private double driftGapVariance;
    private double alphaShort;
    private double alphaLong;

    public SeriesFeatures(DetectorConfig config) {
        this.config = config;
        this.zoneRules = config.zone().getRules();
        this.rolling = new RollingWindow(config.rollingWindow());
        this.seasonalAbsResidual = new RollingWindow(config.residualScaleWindow());
        this.weatherAbsResidual = new RollingWindow(config.residualScaleWindow());
        this.absDelta = new RollingWindow(config.residualScaleWindow());
        this.absResidualZ = new RollingWindow(Math.max(1, config.tailWindow()));
        this.gaussianTail = gaussianAbsQuantile(config.tailQuantile());
        this.weather = new WeatherRegression(config.weatherForgetting(), 1e6);
        int profile = Math.max(1, config.profileWindow());
        this.profileRatio = new RollingWindow(profile);
        this.profileOffset = new RollingWindow(profile);
        this.profileWeatherRatio = new RollingWindow(profile);
        this.profileAbsResidual = new RollingWindow(config.residualScaleWindow());
        this.profileDayJumps = new RollingWindow(Math.max(1, config.profileJumpDays()));
        this.rollingAbsResidual = new double[config.seasonalErrorRatio() > 0 ? config.residualScaleWindow() : 1];
        this.exceedances = new boolean[Math.max(1, config.densityWindow())];
        if (config.slotMinutes() > 0) {
            configureSlots(config.slotMinutes() * 60L);
        }
    }

    /** Observations with a value learned so far. */
    public long observed() {
        return observed;
    }

    /** Seconds from the first observation with a value to {@code t}; 0 before any. */
    long secondsSinceFirst(java.time.Instant t) {
        return firstEpochSecond == Long.MIN_VALUE ? 0 : t.getEpochSecond() - firstEpochSecond;
    }

    /** Start (0-based observation index) of the current run of identical values. */
    long runStart() {
        return runStart;
    }

    /**
     * How far the last row's spike density went beyond the series' record: the number of rows among the last
     * {@code densityWindow} whose raw |z| reached {@code densityZ}, divided by one more than the largest such count
     * seen before, when the last row is itself one of them and sets a new record; 0 otherwise. A value of 1 is "one
     * exceedance more than ever before in a window".
     */
    double density() {
        return density;
    }

    /**
     * Whether the next observations are kept out of the seasonal baseline (while the detector has an alarm episode
     * open), so the baseline does not learn an incident as the new normal for its time of day. A slot whose baseline
     * is not formed yet still learns.
     */
    void holdBaseline(boolean hold) {
        holdBaseline = hold;
    }

    /**
     * Remembers the weather-relative profile level the last row was measured against as the level before an alarm
     * episode that opened on that row, unless an earlier one is still remembered (the series has not come back to it
     * yet): see {@link DetectorConfig#preOnsetMemory()}.
     */
    void rememberOnset(long epochSecond) {
        if (config.preOnsetMemory().isZero() || Double.isNaN(rowProfileLevel)
                || !Double.isNaN(onsetLevel) && epochSecond - onsetEpochSecond <= config.preOnsetMemory().toSeconds()) {
            return;
        }
        onsetLevel = rowProfileLevel;
        weather.copyCoefficients(onsetWeather);
        onsetEpochSecond = epochSecond;
        onsetRow = observed - 1;
    }

    int longestEarlierRun() {
        return longestEarlierRun;
    }

    /**
     * The features of {@code o} against the past, then learns {@code o}. An observation without a value yields a frame
     * of NaNs and teaches nothing.
     */
    public FeatureFrame next(Observation o) {
        double[] f = new double[Feature.count()];
        Arrays.fill(f, Double.NaN);
        f[Feature.HOLIDAY.ordinal()] = o.holiday() ? 1 : 0;
        f[Feature.WEEKEND.ordinal()] = o.weekend() ? 1 : 0;
        f[Feature.STRIKE.ordinal()] = o.strike() ? 1 : 0;
        Double boxed = o.value();
        if (boxed == null || !Double.isFinite(boxed)) {
            return new FeatureFrame(f, Double.NaN, Double.NaN, Double.NaN);
        }
        double x = boxed;
        long epochSecond = o.timestamp().getEpochSecond();
        if (baseline == null && firstEpochSecond != Long.MIN_VALUE && epochSecond > firstEpochSecond) {
            configureSlots(epochSecond - firstEpochSecond);
        }
        if (firstEpochSecond == Long.MIN_VALUE) {
            firstEpochSecond = epochSecond;
        }
        int dayOfWeek = 0;
        int daySlot = 0;
        long day = 0;
        if (baseline != null) {
            long local = epochSecond + zoneRules.getOffset(o.timestamp()).getTotalSeconds();
            day = Math.floorDiv(local, SECONDS_PER_DAY);
            dayOfWeek = (int) Math.floorMod(day + 3, 7L); // 1970-01-01 was a Thursday; Monday = 0
            daySlot = (int) (Math.floorMod(local, SECONDS_PER_DAY) / slotSeconds);
        }

        f[Feature.VALUE.ordinal()] = x;
        // The typical level: the long-term mean once known, so a series idling at 0 still has a sensible floor.
        double level = Double.isNaN(driftLong) ? Math.abs(x)
                : Math.max(Math.abs(driftLong), Math.abs(rolling.median()));
        double floor = Math.max(config.relativeScaleFloor() * level, 1e-9);

        // Rolling robust z against the recent median.
        double rollingMedian = Double.NaN;
        double rollingScale = Double.NaN;
        if (rolling.size() >= Math.min(config.rollingWindow(), 8)) {
            rollingMedian = rolling.median();
            rollingScale = Math.max(rolling.robustSigma(), floor);
            f[Feature.ROLLING_Z.ordinal()] = (x - rollingMedian) / rollingScale;
        }

        // Seasonal residual against weekday × time of day.
        double seasonalExpected = baseline == null ? Double.NaN : baseline.expected(dayOfWeek, daySlot);
        double seasonalScale = Double.NaN;
        if (!Double.isNaN(seasonalExpected) && seasonalAbsResidual.size() >= 8) {
            seasonalScale = Math.max(seasonalAbsResidual.residualSigma(), floor);
            f[Feature.SEASONAL_RESIDUAL.ordinal()] = (x - seasonalExpected) / seasonalScale;
        }

        // Weather residual against the degree-day regression.
        boolean hasWeather = o.heatingDegreeDays() != null && o.coolingDegreeDays() != null;
        double hdd = hasWeather ? o.heatingDegreeDays() : 0;
        double cdd = hasWeather ? o.coolingDegreeDays() : 0;
        double weatherResidual = Double.NaN;
        if (hasWeather) {
            weatherResidual = x - weather.predict(hdd, cdd);
            if (weather.samples() >= config.weatherMinSamples() && weatherAbsResidual.size() >= 8) {
                double scale = Math.max(weatherAbsResidual.residualSigma(), floor);
                f[Feature.WEATHER_RESIDUAL.ordinal()] = weatherResidual / scale;
            }
        }

        // Profile expectation: the seasonal baseline scaled to the level of the last few observations relative to it.
        // With weather, each ratio is first divided by the degree-day regression's level of its day, and the median
        // multiplied by today's: a colder day starts at its own level instead of yesterday's.
        double weatherLevel = hasWeather && weather.samples() >= config.weatherMinSamples()
                ? weather.predict(hdd, cdd) : Double.NaN;
        if (!(weatherLevel > 0)) {
            weatherLevel = Double.NaN;
        }
        double profileExpected = Double.NaN;
        double profileScale = Double.NaN;
        boolean weatherScaled = false;
        rowProfileLevel = Double.NaN;
        if (!Double.isNaN(seasonalExpected) && config.profileWindow() > 0
                && profileOffset.size() >= (config.profileWindow() + 1) / 2) {
            if (!positive) {
                profileExpected = seasonalExpected + profileOffset.median();
            } else if (!Double.isNaN(weatherLevel) && weatherRatioRun >= profileWeatherRatio.size()
                    && profileWeatherRatio.size() == profileRatio.size()) {
                profileLevel = profileWeatherRatio.median();
                profileExpected = seasonalExpected * weatherLevel * profileLevel;
                weatherScaled = true;
            } else {
                profileLevel = profileRatio.median();
                profileExpected = seasonalExpected * profileLevel;
            }
            if (profileAbsResidual.size() >= 8) {
                profileScale = Math.max(profileAbsResidual.residualSigma(), floor);
            }
        }
        // A new local day: remember how much the level moved from yesterday's, and widen the scale while the level
        // window still holds yesterday's rows.
        if (config.profileWindow() > 0 && day != profileDay) {
            if (!Double.isNaN(profileLevel)) {
                if (!Double.isNaN(profileLastDayLevel) && config.profileJumpDays() > 0) {
                    profileDayJumps.add(Math.abs(profileLevel / profileLastDayLevel - 1));
                }
                profileLastDayLevel = profileLevel;
            }
            profileDay = day;
            profileRowsToday = 0;
        }
        double levelUncertainty = 0;
        if (!Double.isNaN(profileScale) && positive && profileDayJumps.size() >= MIN_DAY_JUMPS) {
            double yesterdayShare = Math.max(0, config.profileWindow() - profileRowsToday)
                    / (double) config.profileWindow();
            levelUncertainty = yesterdayShare * profileDayJumps.residualSigma() * Math.abs(profileExpected);
        }

        // Short-term delta.
        double delta = Double.isNaN(previous) ? Double.NaN : x - previous;
        if (!Double.isNaN(delta) && absDelta.size() >= 8) {
            f[Feature.DELTA.ordinal()] = delta / Math.max(absDelta.residualSigma(), floor);
        }

        // Run of identical values.
        int run = (!Double.isNaN(previous) && x == previous) ? runLength + 1 : 1;
        f[Feature.RUN_LENGTH.ordinal()] = run;

        // The expectation the score is measured against: the seasonal baseline when it explains the series at least
        // as well as the rolling median (its residuals are not wider), else the rolling median. The rolling scale is
        // the spread of the recent values, which is narrow on the flat part of a daily cycle even when the rolling
        // median misses every daily rise; so the seasonal baseline is also used when its mean absolute error is
        // clearly (seasonalErrorRatio times) smaller than the rolling median's own out-of-sample error.
        boolean seasonalBetter = !Double.isNaN(seasonalScale) && (Double.isNaN(rollingScale)
                || seasonalScale <= rollingScale
                || config.seasonalErrorRatio() > 0 && rollingAbsSize >= 8
                && config.seasonalErrorRatio() * seasonalAbsResidual.mean() <= rollingAbsSum / rollingAbsSize);
        double expected;
        double scale;
        if (seasonalBetter) {
            expected = seasonalExpected;
            scale = seasonalScale;
        } else {
            expected = rollingMedian;
            scale = rollingScale;
        }
        // The level-scaled profile when it explains the series better still.
        // Trusted once it has seen a few day changes (when day starts are widened), so a young series does not take
        // its first level jumps for anomalies.
        boolean profileReady = config.profileJumpDays() == 0 || profileDayJumps.size() >= MIN_DAY_JUMPS;
        if (profileReady && !Double.isNaN(profileScale) && (Double.isNaN(scale) || profileScale < scale)) {
            expected = profileExpected;
            scale = Math.sqrt(profileScale * profileScale + levelUncertainty * levelUncertainty);
            if (weatherScaled && !config.preOnsetMemory().isZero()) {
                rowProfileLevel = profileLevel;
                expected = nearerPreOnset(x, expected, profileScale, level, seasonalExpected, hdd, cdd, epochSecond);
            }
        }
        // Heavy tails: when the past residuals' tail quantile exceeds the Gaussian one, widen the scale by that
        // ratio, so a series whose normal life is spiky needs a proportionally larger departure to alarm.
        double rawZ = Double.isNaN(expected) ? Double.NaN : (x - expected) / scale;
        if (!Double.isNaN(rawZ) && config.tailWindow() > 0 && absResidualZ.size() >= 32) {
            scale *= Math.max(1, absResidualZ.quantile(config.tailQuantile()) / gaussianTail);
        }
        double residualZ = Double.isNaN(expected) ? Double.NaN : (x - expected) / scale;
        if (!Double.isNaN(rawZ)) {
            absResidualZ.add(Math.abs(rawZ));
        }
        density = Double.isNaN(rawZ) || config.densityWindow() == 0 ? 0 : learnDensity(Math.abs(rawZ));

        // CUSUM of the clipped residual: a persistent shift of the mean accumulates, one spike does not.
        // Not during the warm-up, whose expectations are still crude: the level would start the series as a shift.
        boolean warmedUp = observed >= config.warmupPoints()
                && epochSecond - firstEpochSecond >= config.warmup().toSeconds();
        if (!Double.isNaN(residualZ) && warmedUp) {
            double clipped = Math.max(-config.residualClip(), Math.min(config.residualClip(), residualZ));
            double cap = 2 * config.cusumAlarm();
            cusumUp = Math.min(cap, Math.max(0, cusumUp + clipped - config.cusumSlack()));
            cusumDown = Math.min(cap, Math.max(0, cusumDown - clipped - config.cusumSlack()));
            f[Feature.LEVEL_CUSUM.ordinal()] = cusumUp >= cusumDown ? cusumUp : -cusumDown;
        }

        // Drift: the short-term mean against the long-term mean and spread.
        // The gap between the short and long means is compared with its own long-run spread, which already holds
        // what seasonality leaks through the short mean, so only a gap that keeps growing stands out.
        if (!Double.isNaN(driftLong) && driftGapVariance > 0
                && observed >= halfLifePoints(config.driftLongHalfLife())) {
            double sd = Math.max(Math.sqrt(driftGapVariance), floor);
            f[Feature.DRIFT.ordinal()] = (driftShort - driftLong) / sd;
        }

        if (!Double.isNaN(rollingMedian) && config.seasonalErrorRatio() > 0) {
            learnRollingError(Math.abs(x - rollingMedian));
        }
        // An incident is not learned as its slot's normal: the baseline learns the value clipped to the band around
        // its expectation (after the warm-up, whose expectations are too crude to bound anything).
        double seasonalValue = x;
        if (config.seasonalClipZ() > 0 && warmedUp && !Double.isNaN(residualZ)) {
            double band = config.seasonalClipZ() * scale;
            seasonalValue = Math.max(expected - band, Math.min(expected + band, x));
        }
        learn(x, seasonalValue, delta, run, dayOfWeek, daySlot, seasonalExpected, hasWeather, hdd, cdd, weatherResidual);
        learnProfile(x, seasonalExpected, profileExpected, weatherLevel);
        return new FeatureFrame(f, expected, scale, residualZ);
    }

    /**
     * The expectation at the level remembered from before an alarm episode's onset, with the degree-day regression of
     * then, when the profile has since moved away from it (by at least half an alarm) and {@code x} is nearer to it
     * than to {@code expected}; else {@code expected}. The move is measured at the series' typical level, so a shift
     * counts the same at night and by day, and on the profile's own scale, without the day-start widening. Forgets
     * that level once it has expired, or when the profile is back within half an alarm of it and the row is nearer to
     * the profile, at least a profile window after the onset (a spike's episode, or the end of a return).
     */
    private double nearerPreOnset(double x, double expected, double profileScale, double typicalLevel,
                                  double seasonalExpected, double hdd, double cdd, long epochSecond) {
        if (Double.isNaN(onsetLevel)) {
            return expected;
        }
        if (epochSecond - onsetEpochSecond > config.preOnsetMemory().toSeconds()) {
            onsetLevel = Double.NaN;
            return expected;
        }
        double onsetExpected = seasonalExpected * onsetLevel * WeatherRegression.predict(onsetWeather, hdd, cdd);
        if (!(onsetExpected > 0)) {
            return expected;
        }
        boolean nearer = Math.abs(x - onsetExpected) < Math.abs(x - expected);
        if (Math.abs(expected / onsetExpected - 1) * typicalLevel < RETURN_SHARE * config.alarmZ() * profileScale
                && !nearer && observed - onsetRow >= config.profileWindow()) {
            onsetLevel = Double.NaN;
        }
        return nearer ? onsetExpected : expected;
    }

    private void learn(double x, double seasonalValue, double delta, int run, int dayOfWeek, int daySlot,
                       double seasonalExpected, boolean hasWeather, double hdd, double cdd, double weatherResidual) {
        rolling.add(x);
        if (!Double.isNaN(seasonalExpected)) {
            seasonalAbsResidual.add(Math.abs(x - seasonalExpected));
        }
        if (baseline != null && !(holdBaseline && !Double.isNaN(seasonalExpected))) {
            baseline.update(dayOfWeek, daySlot, seasonalValue);
        }
        if (hasWeather) {
            if (!Double.isNaN(weatherResidual)) {
                weatherAbsResidual.add(Math.abs(weatherResidual));
            }
            weather.update(hdd, cdd, x);
        }
        if (!Double.isNaN(delta)) {
            absDelta.add(Math.abs(delta));
        }
        if (run == 1) {
            // The first runs long enough to have been judged stuck are incidents, not lessons: they do not raise the
            // bar for the next stuck meter.
            boolean judgedStuck = runStart >= config.minStuckRun()
                    && runLength >= Math.max(config.minStuckRun(), config.stuckRunFactor() * longestEarlierRun);
            if (!judgedStuck || ++stuckRuns > config.unlearnedStuckRuns()) {
                longestEarlierRun = Math.max(longestEarlierRun, runLength);
            }
            runStart = observed;
        }
        runLength = run;
        if (Double.isNaN(driftLong)) {
            driftShort = x;
            driftLong = x;
        } else {
            // Plain running means until the history is as long as the half-life, so the start does not linger.
            double startup = 1.0 / (observed + 1);
            driftShort += Math.max(alphaShort, startup) * (x - driftShort);
            double alpha = Math.max(alphaLong, startup);
            driftLong += alpha * (x - driftLong);
            // Once learned, the spread ignores gaps beyond 3 spreads, so a growing gap does not inflate the spread it
            // is measured against.
            double gap = driftShort - driftLong;
            boolean learned = observed >= halfLifePoints(config.driftLongHalfLife());
            if (!learned || gap * gap <= 9 * driftGapVariance) {
                driftGapVariance += alpha * (gap * gap - driftGapVariance);
            }
        }
        previous = x;
        observed++;
    }

    private void learnRollingError(double absResidual) {
        if (rollingAbsSize == rollingAbsResidual.length) {
            rollingAbsSum -= rollingAbsResidual[rollingAbsHead];
        } else {
            rollingAbsSize++;
        }
        rollingAbsResidual[rollingAbsHead] = absResidual;
        rollingAbsSum += absResidual;
        rollingAbsHead = (rollingAbsHead + 1) % rollingAbsResidual.length;
        if (rollingAbsHead == 0) {
            // Once per window, so the running sum does not accumulate rounding errors.
            double exact = 0;
            for (int i = 0; i < rollingAbsSize; i++) {
                exact += rollingAbsResidual[i];
            }
            rollingAbsSum = exact;
        }
    }

    /** Counts {@code absZ} into the density window; returns the row's density (see {@link #density()}). */
    private double learnDensity(double absZ) {
        boolean exceeds = absZ >= config.densityZ();
        if (exceedances[exceedanceHead]) {
            exceedanceCount--;
        }
        exceedances[exceedanceHead] = exceeds;
        exceedanceHead = (exceedanceHead + 1) % exceedances.length;
        if (exceeds) {
            exceedanceCount++;
        }
        exceedanceRows++;
        // Judged once the record has had a few windows to form, and never for fewer than three exceedances.
        double result = exceeds && exceedanceCount > exceedanceMax && exceedanceCount >= MIN_DENSITY_COUNT
                && exceedanceRows >= DENSITY_HISTORY_WINDOWS * (long) exceedances.length
                ? exceedanceCount / (double) (exceedanceMax + 1) : 0;
        exceedanceMax = Math.max(exceedanceMax, exceedanceCount);
        return result;
    }

    private void learnProfile(double x, double seasonalExpected, double profileExpected, double weatherLevel) {
        if (config.profileWindow() == 0) {
            return;
        }
        if (!Double.isNaN(profileExpected)) {
            profileAbsResidual.add(Math.abs(x - profileExpected));
        }
        positive &= x > 0;
        if (!Double.isNaN(seasonalExpected)) {
            profileOffset.add(x - seasonalExpected);
            profileRowsToday++;
            if (positive) {
                double ratio = x / seasonalExpected;
                profileRatio.add(ratio);
                if (Double.isNaN(weatherLevel)) {
                    weatherRatioRun = 0;
                } else {
                    profileWeatherRatio.add(ratio / weatherLevel);
                    weatherRatioRun++;
                }
            }
        }
    }

    /** The q quantile of |Z| for a standard normal Z, by bisection on the error function's complement. */
    static double gaussianAbsQuantile(double q) {
        double lo = 0;
        double hi = 40;
        for (int i = 0; i < 100; i++) {
            double mid = 0.5 * (lo + hi);
            if (twoSidedTail(mid) > 1 - q) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** P(|Z| > z) for a standard normal Z (Abramowitz–Stegun 7.1.26, error below 1.5e-7). */
    private static double twoSidedTail(double z) {
        double x = z / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        return poly * Math.exp(-x * x);
    }

    private void configureSlots(long gapSeconds) {
        long minSlot = config.minSlotMinutes() * 60L;
        long seconds = Math.min(SECONDS_PER_DAY, Math.max(minSlot, gapSeconds));
        // A slot must divide the day evenly, or slots would drift across days.
        while (SECONDS_PER_DAY % seconds != 0) {
            seconds++;
        }
        slotSeconds = (int) seconds;
        stepSeconds = Math.max(1, gapSeconds);
        baseline = new SeasonalBaseline((int) (SECONDS_PER_DAY / seconds), config.seasonalDepthWeeks(),
                config.seasonalDepthDays(), config.minWeeklySamples(), config.minDailySamples());
        alphaShort = 1 - Math.pow(0.5, 1.0 / halfLifePoints(config.driftShortHalfLife()));
        alphaLong = 1 - Math.pow(0.5, 1.0 / halfLifePoints(config.driftLongHalfLife()));
    }

    private long halfLifePoints(Duration halfLife) {
        return stepSeconds == 0 ? Long.MAX_VALUE : Math.max(1, halfLife.toSeconds() / stepSeconds);
    }
}
