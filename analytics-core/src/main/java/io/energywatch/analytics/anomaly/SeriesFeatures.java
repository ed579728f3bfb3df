package io.energywatch.analytics.anomaly;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Arrays;

/**
 * Causal feature extraction for one series: each observation's features are computed from the state left by the
 * observations before it, and only then is the state updated with it. Composes one small state object per feature
 * (clock, rolling level, seasonal baseline, weather regression, level-scaled profile, pre-onset level, changes, stuck
 * run, CUSUM, mean drift, heavy-tail widening, spike density) and chooses the expectation a row is measured against.
 * Not thread-safe; one instance per series.
 */
public final class SeriesFeatures {

    /**
     * What the detector tells the features about its alarm episodes before a row: whether the row must be kept out of
     * the seasonal baseline, and the time of an episode the previous row opened ({@link Long#MIN_VALUE} for none).
     */
    record EpisodeSignal(boolean holdBaseline, long previousRowOnset) {
        static final EpisodeSignal NONE = new EpisodeSignal(false, Long.MIN_VALUE);
    }

    private final DetectorConfig config;
    private final SeriesClock clock;
    private final RollingLevel rolling;
    private final SeasonalLevel seasonal;
    private final WeatherLevel weather;
    private final ProfileLevel profile;
    private final PreOnsetLevel preOnset;
    private final DeltaScale deltas;
    private final StuckRun stuck;
    private final LevelCusum cusum;
    private final MeanDrift drift;
    private final TailWidening tails;
    private final SpikeDensity spikeDensity;
    private final @Nullable DailyChange dailyChange;
    private DailyChange.@Nullable Change change;
    private boolean changeWatched;
    private long observed;
    private double previous = Double.NaN;
    private double density;

    public SeriesFeatures(DetectorConfig config) {
        this.config = config;
        int residualWindow = config.scales().residualWindow();
        this.clock = new SeriesClock(config.timing());
        this.rolling = new RollingLevel(config.scales().rollingWindow(),
                config.seasonal().errorRatio() > 0 ? residualWindow : 1);
        this.seasonal = new SeasonalLevel(config.seasonal(), residualWindow);
        this.weather = new WeatherLevel(config.weather(), residualWindow);
        this.profile = new ProfileLevel(config.profile(), residualWindow);
        this.preOnset = new PreOnsetLevel(config.profile().preOnsetMemory(), config.alarm().z(),
                config.profile().window());
        this.deltas = new DeltaScale(residualWindow);
        this.stuck = new StuckRun(config.stuck());
        this.cusum = new LevelCusum(config.cusum());
        this.drift = new MeanDrift(config.drift(), clock);
        this.tails = new TailWidening(config.scales());
        this.spikeDensity = new SpikeDensity(config.density());
        this.dailyChange = config.slowChange().on() ? new DailyChange(config.slowChange()) : null;
        if (clock.slotted()) {
            startSlots();
        }
    }

    /** Observations with a value learned so far. */
    public long observed() {
        return observed;
    }

    /** Seconds from the first observation with a value to {@code t}; 0 before any. */
    long secondsSinceFirst(Instant t) {
        return clock.secondsSinceFirst(t.getEpochSecond());
    }

    /** Start (0-based observation index) of the current run of identical values. */
    long runStart() {
        return stuck.runStart();
    }

    /** The stuck-meter component of a run of {@code run} identical values, on the robust-z scale (see {@link StuckRun}). */
    double stuckComponent(double run) {
        return stuck.component(run, config.alarm().z());
    }

    /** The last row's spike density beyond the series' record (see {@link SpikeDensity#next}); 0 when none. */
    double density() {
        return density;
    }

    /** The slow change the last row's block close opened (see {@link DailyChange}); null when none. */
    DailyChange.@Nullable Change change() {
        return change;
    }

    /** Whether the last row was watched for slow changes (the detector is on and the row had weather). */
    boolean changeWatched() {
        return changeWatched;
    }

    /**
     * The features of {@code o} against the past, then learns {@code o}. An observation without a value yields a frame
     * of NaNs and teaches nothing.
     */
    public FeatureFrame next(Observation o) {
        return next(o, EpisodeSignal.NONE);
    }

    /** {@link #next(Observation)} told about the detector's alarm episodes. */
    FeatureFrame next(Observation o, EpisodeSignal episode) {
        if (episode.previousRowOnset() != Long.MIN_VALUE) {
            // The level the previous row was measured against, with the regression it left.
            preOnset.episodeOpened(episode.previousRowOnset(), observed - 1, weather.coefficients());
        }
        change = null;
        changeWatched = false;
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
        if (clock.observe(epochSecond)) {
            startSlots();
        }
        SeriesClock.Position at = clock.position(o.timestamp());
        f[Feature.VALUE.ordinal()] = x;
        // The typical level: the long-term mean once known, so a series idling at 0 still has a sensible floor.
        double level = Double.isNaN(drift.longMean()) ? Math.abs(x)
                : Math.max(Math.abs(drift.longMean()), Math.abs(rolling.median()));
        double floor = Math.max(config.scales().relativeFloor() * level, 1e-9);

        double rollingMedian = Double.NaN;
        double rollingScale = Double.NaN;
        if (rolling.ready()) {
            rollingMedian = rolling.median();
            rollingScale = Math.max(rolling.robustSigma(), floor);
            f[Feature.ROLLING_Z.ordinal()] = (x - rollingMedian) / rollingScale;
        }

        double seasonalExpected = seasonal.expected(at);
        double seasonalScale = Double.isNaN(seasonalExpected) ? Double.NaN : seasonal.scale(floor);
        if (!Double.isNaN(seasonalScale)) {
            f[Feature.SEASONAL_RESIDUAL.ordinal()] = (x - seasonalExpected) / seasonalScale;
        }

        boolean hasWeather = o.heatingDegreeDays() != null && o.coolingDegreeDays() != null;
        double hdd = hasWeather ? o.heatingDegreeDays() : 0;
        double cdd = hasWeather ? o.coolingDegreeDays() : 0;
        double weatherResidual = hasWeather ? weather.residual(x, hdd, cdd) : Double.NaN;
        if (hasWeather) {
            f[Feature.WEATHER_RESIDUAL.ordinal()] = weather.z(weatherResidual, floor);
        }
        double weatherLevel = hasWeather ? weather.level(hdd, cdd) : Double.NaN;

        changeWatched = dailyChange != null && hasWeather;
        if (dailyChange != null && clock.slotted()) {
            // The level before this row, kept with a block it starts: a change found later began at some block start.
            var snapshot = dailyChange.startsBlock(at, clock.slotsPerDay())
                    ? preOnset.snapshot(weather.coefficients()) : null;
            change = dailyChange.observe(epochSecond, at, clock.slotsPerDay(), x, hasWeather ? hdd : Double.NaN,
                    hasWeather ? cdd : Double.NaN, o.holiday(), o.strike(), snapshot);
            if (change != null) {
                preOnset.changeFound(change.before(), epochSecond, observed);
            } else if (dailyChange.openDirection() == 0) {
                preOnset.changeClosed();
            }
        }
        preOnset.startRow();
        ProfileLevel.Expectation profiled = profile.expect(seasonalExpected, weatherLevel, floor);
        profile.startDay(at.day());
        double levelUncertainty = profile.levelUncertainty(profiled);

        double delta = Double.isNaN(previous) ? Double.NaN : x - previous;
        f[Feature.DELTA.ordinal()] = deltas.z(delta, floor);
        int run = stuck.runAt(x, previous);
        f[Feature.RUN_LENGTH.ordinal()] = run;

        // The expectation the score is measured against: the seasonal baseline when it explains the series at least
        // as well as the rolling median (its residuals are not wider), else the rolling median. The rolling scale is
        // the spread of the recent values, which is narrow on the flat part of a daily cycle even when the rolling
        // median misses every daily rise; so the seasonal baseline is also used when its mean absolute error is
        // clearly (errorRatio times) smaller than the rolling median's own out-of-sample error.
        double errorRatio = config.seasonal().errorRatio();
        boolean seasonalBetter = !Double.isNaN(seasonalScale) && (Double.isNaN(rollingScale)
                || seasonalScale <= rollingScale
                || errorRatio > 0 && rolling.errorCount() >= 8
                && errorRatio * seasonal.meanAbsResidual() <= rolling.meanError());
        double expected = seasonalBetter ? seasonalExpected : rollingMedian;
        double scale = seasonalBetter ? seasonalScale : rollingScale;
        // The level-scaled profile when it explains the series better still, once trusted (it has seen a few day
        // changes when day starts are widened, so a young series does not take its first level jumps for anomalies).
        double profileScale = profiled.scale();
        if (profile.ready() && !Double.isNaN(profileScale) && (Double.isNaN(scale) || profileScale < scale)) {
            expected = profiled.expected();
            scale = Math.sqrt(profileScale * profileScale + levelUncertainty * levelUncertainty);
            if (profiled.weatherScaled() && preOnset.on()) {
                expected = preOnset.nearer(profile.level(), x, expected, profileScale, level, seasonalExpected, hdd,
                        cdd, epochSecond, observed);
            }
        }
        double rawZ = Double.isNaN(expected) ? Double.NaN : (x - expected) / scale;
        if (!Double.isNaN(rawZ)) {
            scale = tails.widen(scale);
        }
        double residualZ = Double.isNaN(expected) ? Double.NaN : (x - expected) / scale;
        if (!Double.isNaN(rawZ)) {
            tails.learn(Math.abs(rawZ));
        }
        density = Double.isNaN(rawZ) || config.density().window() == 0 ? 0 : spikeDensity.next(Math.abs(rawZ));

        // Not during the warm-up, whose expectations are still crude: the level would start the series as a shift,
        // and the seasonal baseline's clipping band would bound nothing.
        boolean warmedUp = observed >= config.timing().warmupPoints()
                && clock.secondsSinceFirst(epochSecond) >= config.timing().warmup().toSeconds();
        if (!Double.isNaN(residualZ) && warmedUp) {
            f[Feature.LEVEL_CUSUM.ordinal()] = cusum.next(residualZ);
        }
        f[Feature.DRIFT.ordinal()] = drift.z(floor, observed);

        if (!Double.isNaN(rollingMedian) && errorRatio > 0) {
            rolling.learnError(Math.abs(x - rollingMedian));
        }
        rolling.learn(x);
        seasonal.learn(x, seasonal.learnable(x, expected, scale, warmedUp && !Double.isNaN(residualZ)),
                seasonalExpected, at, episode.holdBaseline());
        if (hasWeather) {
            weather.learn(x, hdd, cdd, weatherResidual);
        }
        deltas.learn(delta);
        stuck.learn(run, observed);
        drift.learn(x, observed);
        profile.learn(x, seasonalExpected, profiled, weatherLevel);
        previous = x;
        observed++;
        return new FeatureFrame(f, expected, scale, residualZ);
    }

    private void startSlots() {
        seasonal.start(clock.slotsPerDay());
        drift.start();
    }
}
