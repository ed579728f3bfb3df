package io.energywatch.analytics.anomaly;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Every tunable of the streaming detector and its features, grouped by the feature that reads it. Point counts are in
 * observations; durations are converted with the series' resolution. Each group validates itself and names the
 * offending setting as {@code group.setting}, the way {@code detector-presets/*.yml} spells it, so a configuration bound
 * from YAML (anomaly-service binds these records with Spring's {@code Binder}) fails with the name of the bad line.
 * {@link #defaults()} and {@link #consumption()} are the two presets; {@code detector-presets/nab.yml} and
 * {@code consumption.yml} hold the same values as YAML.
 *
 * @param timing   time zone, slot width and warm-up
 * @param scales   the rolling window, the residuals' robust scales and the heavy-tail widening
 * @param seasonal the weekday × time-of-day baseline
 * @param profile  the baseline scaled to the current level
 * @param alarm    the alarm level, the explanation and the severity bands
 * @param stuck    the stuck-meter run
 * @param cusum    the level-shift CUSUM
 * @param drift    the short- against long-term mean drift
 * @param weather  the degree-day regression
 * @param episode  damping of rows inside an open anomaly episode
 * @param density  the spike density
 * @param slowChange the weather-normalised daily residual and its CUSUM, for level shifts and gradual drifts
 */
public record DetectorConfig(
        Timing timing,
        Scales scales,
        Seasonal seasonal,
        Profile profile,
        Alarm alarm,
        Stuck stuck,
        Cusum cusum,
        Drift drift,
        Weather weather,
        Episode episode,
        Density density,
        SlowChange slowChange) {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    public DetectorConfig {
        require(timing != null, "timing is required");
        require(scales != null, "scales is required");
        require(seasonal != null, "seasonal is required");
        require(profile != null, "profile is required");
        require(alarm != null, "alarm is required");
        require(stuck != null, "stuck is required");
        require(cusum != null, "cusum is required");
        require(drift != null, "drift is required");
        require(weather != null, "weather is required");
        require(episode != null, "episode is required");
        require(density != null, "density is required");
        require(slowChange != null, "slow-change is required");
    }

    /**
     * @param zone           time zone of the weekday × time-of-day baseline (Europe/Paris for French series)
     * @param slotMinutes    width of a time-of-day slot; 0 infers it from the first gap between observations
     * @param minSlotMinutes lower bound on an inferred slot width, to cap the baseline's memory for fast series
     * @param warmupPoints   observations learned before any score is given
     * @param warmup         time learned before any score is given (both must pass), so the daily baseline exists
     */
    public record Timing(ZoneId zone, int slotMinutes, int minSlotMinutes, int warmupPoints, Duration warmup) {
        public Timing {
            require(zone != null, "timing.zone is required");
            require(slotMinutes >= 0, "timing.slot-minutes must be 0 (inferred) or positive, was " + slotMinutes);
            require(minSlotMinutes >= 1, "timing.min-slot-minutes must be at least 1, was " + minSlotMinutes);
            require(warmupPoints >= 0, "timing.warmup-points must not be negative, was " + warmupPoints);
            requireNotNegative(warmup, "timing.warmup");
        }
    }

    /**
     * @param rollingWindow  observations in the rolling median / MAD window
     * @param residualWindow observations over which each residual's robust scale is estimated
     * @param relativeFloor  smallest robust scale as a fraction of the typical level, so a perfectly regular series
     *                       does not turn rounding noise into alarms
     * @param tailWindow     observations whose residual z-scores measure how heavy the series' tails are; 0 turns the
     *                       heavy-tail widening off
     * @param tailQuantile   quantile of past |z| compared with the Gaussian one; heavier tails shrink the z-scores
     */
    public record Scales(int rollingWindow, int residualWindow, double relativeFloor, int tailWindow,
                         double tailQuantile) {
        public Scales {
            require(rollingWindow >= 3, "scales.rolling-window must be at least 3, was " + rollingWindow);
            require(residualWindow >= 3, "scales.residual-window must be at least 3, was " + residualWindow);
            require(relativeFloor >= 0, "scales.relative-floor must not be negative, was " + relativeFloor);
            require(tailWindow == 0 || tailWindow >= 10,
                    "scales.tail-window must be 0 (off) or at least 10, was " + tailWindow);
            require(tailQuantile > 0.5 && tailQuantile < 1,
                    "scales.tail-quantile must be in (0.5, 1), was " + tailQuantile);
        }
    }

    /**
     * @param depthWeeks weeks of history per weekday × time-of-day slot
     * @param depthDays  days of history per time-of-day slot (fallback while few weeks are known)
     * @param minWeeks   weeks a slot needs before the weekly baseline is used
     * @param minDays    days a time-of-day slot needs before the daily baseline is used
     * @param errorRatio the seasonal baseline is also preferred to the rolling median when its mean absolute residual
     *                   is this many times smaller than the rolling median's out-of-sample one (over
     *                   {@code scales.residualWindow} rows): the rolling scale alone is narrow on the flat part of a
     *                   daily cycle although the rolling median misses every daily rise; 0 = compare the scales only
     * @param clipZ      the baseline learns each row's value clipped to its expectation ± this many robust sigmas
     *                   (after the warm-up), so a one-off incident does not bend its slot's median and come back as an
     *                   opposite alarm at the same time of the next weeks; a lasting change still moves the slot, by
     *                   the clip width a week, until its rows fall inside the band; 0 = off
     * @param hold       while an alarm episode is open, for at most this long from its onset, the rows are not learned
     *                   by the baseline, so an incident of a day is not remembered as that time of day's normal (and
     *                   its end flagged the next days); after it, a lasting change is learned as before; zero = off
     */
    public record Seasonal(int depthWeeks, int depthDays, int minWeeks, int minDays, double errorRatio, double clipZ,
                           Duration hold) {
        public Seasonal {
            require(depthWeeks >= 1 && depthDays >= 1,
                    "seasonal.depth-weeks and seasonal.depth-days must be positive, were " + depthWeeks + " and "
                            + depthDays);
            require(minWeeks >= 1 && minWeeks <= depthWeeks,
                    "seasonal.min-weeks must be in [1, depth-weeks " + depthWeeks + "], was " + minWeeks);
            require(minDays >= 1 && minDays <= depthDays,
                    "seasonal.min-days must be in [1, depth-days " + depthDays + "], was " + minDays);
            require(errorRatio >= 0, "seasonal.error-ratio must be 0 (off) or positive, was " + errorRatio);
            require(clipZ >= 0, "seasonal.clip-z must be 0 (off) or positive, was " + clipZ);
            requireNotNegative(hold, "seasonal.hold");
        }
    }

    /**
     * @param window         observations over which the current level relative to the seasonal baseline is measured
     *                       (median of value / baseline, or of value − baseline for series that are not strictly
     *                       positive): the profile expectation is the baseline scaled to that level, so a day that is
     *                       colder or a week that is busier than the weeks the baseline remembers keeps a narrow range;
     *                       0 turns the profile expectation off
     * @param jumpDays       day-to-day changes of the profile level remembered: at the start of a local day the level
     *                       is still measured on yesterday's rows, so until the day has {@code window} rows the
     *                       profile's scale is widened by the typical change, in proportion to yesterday's share of the
     *                       level window; 0 = never widened
     * @param preOnsetMemory how long the weather-relative profile level the series held just before an alarm episode's
     *                       onset is remembered (with the degree-day regression of then): while the profile has moved
     *                       away from it by at least half an alarm, a row is measured against the pre-onset expectation
     *                       when that is the nearer one, so the return to normal at the end of a level shift is not a
     *                       new spike, drop or shift; forgotten once the profile is back within half an alarm of it (at
     *                       least a profile window after the onset). Only when the rows carry weather: without it the
     *                       level moves with the temperature and the old level is no expectation; zero = off
     */
    public record Profile(int window, int jumpDays, Duration preOnsetMemory) {
        public Profile {
            require(window == 0 || window >= 3, "profile.window must be 0 (off) or at least 3, was " + window);
            require(jumpDays == 0 || jumpDays >= 7, "profile.jump-days must be 0 (off) or at least 7, was " + jumpDays);
            requireNotNegative(preOnsetMemory, "profile.pre-onset-memory");
        }
    }

    /**
     * @param z                 robust z-score at which the streaming score reaches 0.5
     * @param explainedFeatures how many features an explanation names at most
     * @param severities        cut points of the calibrated score
     */
    public record Alarm(double z, int explainedFeatures, SeverityScale severities) {
        public Alarm {
            require(z > 0, "alarm.z must be positive, was " + z);
            require(explainedFeatures >= 0, "alarm.explained-features must not be negative, was " + explainedFeatures);
            require(severities != null, "alarm.severities is required");
        }
    }

    /**
     * @param minRun        shortest run of identical values that can be a stuck meter
     * @param runFactor     a run is stuck when it is this many times longer than every earlier run
     * @param unlearnedRuns how many of the series' runs judged stuck are treated as incidents that do not count as
     *                      earlier runs (so the next stuck meter is judged against the same bar); later ones do, so a
     *                      series whose flat runs recur learns them; 0 = every run counts
     * @param reportedOnce  a stuck run reported as a fresh stuck meter does not grow in score while it lasts: it is
     *                      reported once, at its onset, instead of escalating past the episode damping row after row
     */
    public record Stuck(int minRun, double runFactor, int unlearnedRuns, boolean reportedOnce) {
        public Stuck {
            require(minRun >= 2, "stuck.min-run must be at least 2, was " + minRun);
            require(runFactor > 0, "stuck.run-factor must be positive, was " + runFactor);
            require(unlearnedRuns >= 0, "stuck.unlearned-runs must not be negative, was " + unlearnedRuns);
        }
    }

    /**
     * @param slack        CUSUM allowance k, in robust standard deviations
     * @param threshold    CUSUM decision level h: above it an anomaly is classified as a level shift
     * @param alarm        CUSUM level at which a persistent shift alone reaches the alarm level (well above h: most
     *                     shifts alarm through their first residuals; this catches slow, moderate ones)
     * @param residualClip residual z clipped to this before it enters the CUSUM, so one spike is not a shift
     */
    public record Cusum(double slack, double threshold, double alarm, double residualClip) {
        public Cusum {
            require(slack >= 0, "cusum.slack must not be negative, was " + slack);
            require(threshold > 0, "cusum.threshold must be positive, was " + threshold);
            require(alarm >= threshold, "cusum.alarm must be at least cusum.threshold " + threshold + ", was " + alarm);
            require(residualClip > 0, "cusum.residual-clip must be positive, was " + residualClip);
        }
    }

    /**
     * @param shortHalfLife half-life of the short-term mean
     * @param longHalfLife  half-life of the long-term mean and of the variance of the gap between them
     * @param threshold     drift z at which the drift component reaches the alarm level
     */
    public record Drift(Duration shortHalfLife, Duration longHalfLife, double threshold) {
        public Drift {
            requirePositive(shortHalfLife, "drift.short-half-life");
            requirePositive(longHalfLife, "drift.long-half-life");
            require(threshold > 0, "drift.threshold must be positive, was " + threshold);
        }
    }

    /**
     * @param forgetting forgetting factor of the degree-day regression
     * @param minSamples observations with weather before the weather residual is used
     * @param weight     weight of the weather residual in the streaming score (its expectation is coarser)
     */
    public record Weather(double forgetting, int minSamples, double weight) {
        public Weather {
            require(forgetting > 0 && forgetting <= 1, "weather.forgetting must be in (0, 1], was " + forgetting);
            require(minSamples >= 0, "weather.min-samples must not be negative, was " + minSamples);
            require(weight >= 0, "weather.weight must not be negative, was " + weight);
        }
    }

    /**
     * While an anomaly episode lasts, rows no larger than {@code escalation} times the episode's size score
     * {@code damping} times lower, so one incident is reported once, at its onset, unless it escalates.
     *
     * @param halfLife   half-life of an open episode's size
     * @param escalation how much larger than the open episode a row must be to score in full again
     * @param damping    factor on the z-scale of rows inside an open episode
     */
    public record Episode(Duration halfLife, double escalation, double damping) {
        public Episode {
            requirePositive(halfLife, "episode.half-life");
            require(escalation >= 1, "episode.escalation must be at least 1, was " + escalation);
            require(damping > 0 && damping <= 1, "episode.damping must be in (0, 1], was " + damping);
        }
    }

    /**
     * A row whose raw |z| reaches {@code z} and brings the count of such rows in the last {@code window} above every
     * earlier count scores as a residual of {@code alarm.z} × count / (record + 1).
     *
     * @param window rows over which the large residuals are counted; 0 = off
     * @param z      raw robust |z| (before the heavy-tail widening) that counts as a large residual
     */
    public record Density(int window, double z) {
        public Density {
            require(window == 0 || window >= 3, "density.window must be 0 (off) or at least 3, was " + window);
            require(z > 0, "density.z must be positive, was " + z);
        }
    }

    /**
     * Slow changes of the level against a longer-horizon, weather-normalised baseline ({@link DailyChange}): each local
     * day is cut into blocks, each block's mean is compared with what a regression of the same block of the previous
     * days on the degree days and the day type predicts, and the residual, in robust sigmas of the regression's
     * leave-one-out residuals, feeds a one-sided CUSUM per direction counted in sigma-days. A crossing opens a change,
     * reported once and typed by its shape (a flat residual after a step is a level shift, a growing one a gradual
     * drift); a block back near the baseline closes it, so the return to normal is not a new anomaly. While it is on,
     * neither the short- against long-term mean drift nor the short-horizon CUSUM alarms on the rows it watches, those
     * with weather (it replaces them there; the CUSUM still types alarms).
     *
     * @param blocksPerDay blocks a local day is cut into; 0 = off
     * @param historyDays  days of a block's history the regression is fitted on
     * @param minDays      days of a block's history before it is predicted
     * @param slack        CUSUM allowance k, in robust sigmas
     * @param threshold    CUSUM level, in sigma-days, at which a change opens
     * @param residualClip block residual z clipped to this before it enters the CUSUM
     * @param returnZ      a block whose residual in the change's direction is below this many sigmas closes the change
     * @param maxOpen      after this long an open change is the new normal: its blocks are learned again
     */
    public record SlowChange(int blocksPerDay, int historyDays, int minDays, double slack, double threshold,
                             double residualClip, double returnZ, Duration maxOpen) {

        /** No slow-change detection (the NAB preset). */
        public static final SlowChange OFF = new SlowChange(0, 28, 10, 0.5, 4.0, 6.0, 1.0, Duration.ofDays(14));

        public SlowChange {
            require(blocksPerDay >= 0 && blocksPerDay <= 24 && (blocksPerDay == 0 || 24 % blocksPerDay == 0),
                    "slow-change.blocks-per-day must be 0 (off) or divide 24, was " + blocksPerDay);
            require(minDays >= 7, "slow-change.min-days must be at least 7, was " + minDays);
            require(historyDays >= minDays,
                    "slow-change.history-days must be at least min-days " + minDays + ", was " + historyDays);
            require(slack >= 0, "slow-change.slack must not be negative, was " + slack);
            require(threshold > 0, "slow-change.threshold must be positive, was " + threshold);
            require(residualClip > 0, "slow-change.residual-clip must be positive, was " + residualClip);
            require(returnZ >= 0, "slow-change.return-z must not be negative, was " + returnZ);
            requirePositive(maxOpen, "slow-change.max-open");
        }

        public boolean on() {
            return blocksPerDay > 0;
        }
    }

    /** What {@code /detect} runs and what the NAB score measures ({@code detector-presets/nab.yml}). */
    public static DetectorConfig defaults() {
        return new DetectorConfig(
                new Timing(PARIS, 0, 5, 48, Duration.ofDays(2)),
                new Scales(96, 1024, 0.005, 2048, 0.995),
                new Seasonal(6, 7, 3, 2, 1.5, 0.0, Duration.ofDays(1)),
                new Profile(0, 0, Duration.ZERO),
                new Alarm(5.0, 3, SeverityScale.DEFAULT),
                new Stuck(6, 4.0, 0, true),
                new Cusum(1.0, 15.0, 40.0, 3.0),
                new Drift(Duration.ofDays(1), Duration.ofDays(14), 4.0),
                new Weather(0.998, 48, 0.5),
                new Episode(Duration.ofDays(1), 1.5, 0.3),
                new Density(24, 4.0),
                SlowChange.OFF);
    }

    /**
     * For metered consumption (half-hourly to hourly regional or site load), what anomaly-service runs on the enriched
     * stream ({@code detector-presets/consumption.yml}). Against the defaults:
     * <ul>
     *   <li>the expectation can be the weekday × time-of-day baseline scaled to the level of the last 16 rows
     *       ({@code profile.window}), divided by the degree-day level when the rows carry weather, with its scale
     *       widened at the start of a day by the day-to-day level changes of the last 28 days
     *       ({@code profile.jumpDays});</li>
     *   <li>no heavy-tail widening ({@code scales.tailWindow} 0): a load's tail is its incidents, which must not hide
     *       the next one; instead the alarm is at 7 robust sigmas of a profile whose residuals are narrow;</li>
     *   <li>three days of warm-up, and the profile is used once it has seen three day-to-day level changes;</li>
     *   <li>episodes fade with a 6-hour half-life, so a spike the next day is a new incident;</li>
     *   <li>the first three stuck runs of a series do not raise the bar for the next one
     *       ({@code stuck.unlearnedRuns});</li>
     *   <li>no spike-density component ({@code density.window} 0) and no baseline hold during episodes
     *       ({@code seasonal.hold} zero): on the simulator both turned ordinary rows into wrong spikes and drops;</li>
     *   <li>with weather, the level before an alarm episode's onset is remembered for 7 days
     *       ({@code profile.preOnsetMemory}), so the return to it at the end of a level shift is not a new drop or
     *       spike;</li>
     *   <li>the weekday × time-of-day baseline learns each value clipped to its expectation ± 7 robust sigmas (the
     *       alarm band, {@code seasonal.clipZ}), so a one-off spike or drop does not bend its slot's median and come
     *       back as an opposite alarm at the same half-hour of the next weeks;</li>
     *   <li>level shifts and gradual drifts are found on the weather-normalised residual of 6-hour blocks against the
     *       previous 28 days ({@code slowChange}, CUSUM slack 1 sigma, threshold 6 sigma-days); on the rows it
     *       watches (those with weather) it replaces the mean drift and the short-horizon CUSUM's own alarm, whose
     *       moderate shifts were mostly a series' first weekend and the returns of incidents.</li>
     * </ul>
     * Chosen on the simulator's seed-42 quarter, the pre-onset memory on seeds 42 and 7, the clipped baseline on seeds
     * 101 and 202, the slow changes on the six tuning seeds 42, 7, 101, 202, 303, 404 (docs/evaluation.md,
     * "Simulator-labelled anomalies" and the evaluation protocol).
     */
    public static DetectorConfig consumption() {
        return new DetectorConfig(
                new Timing(PARIS, 0, 5, 48, Duration.ofDays(3)),
                new Scales(96, 1024, 0.005, 0, 0.995),
                new Seasonal(6, 7, 3, 2, 1.5, 7.0, Duration.ZERO),
                new Profile(16, 28, Duration.ofDays(7)),
                new Alarm(7.0, 3, SeverityScale.DEFAULT),
                new Stuck(6, 4.0, 3, true),
                new Cusum(1.0, 15.0, 40.0, 3.0),
                new Drift(Duration.ofDays(1), Duration.ofDays(14), 4.0),
                new Weather(0.998, 48, 0.5),
                new Episode(Duration.ofHours(6), 1.5, 0.3),
                new Density(0, 4.0),
                new SlowChange(4, 28, 10, 1.0, 6.0, 6.0, 1.0, Duration.ofDays(14)));
    }

    /** The same configuration in another time zone (a request's {@code tz}). */
    public DetectorConfig withZone(ZoneId newZone) {
        return with(new Timing(newZone, timing.slotMinutes(), timing.minSlotMinutes(), timing.warmupPoints(),
                timing.warmup()));
    }

    /** The same configuration with another warm-up, for short series and tests. */
    public DetectorConfig withWarmup(int points, Duration duration) {
        return with(new Timing(timing.zone(), timing.slotMinutes(), timing.minSlotMinutes(), points, duration));
    }

    /** The same configuration with other severity bands (the service's configured ones). */
    public DetectorConfig withSeverities(SeverityScale newSeverities) {
        return with(new Alarm(alarm.z(), alarm.explainedFeatures(), newSeverities));
    }

    public DetectorConfig with(Timing newTiming) {
        return new DetectorConfig(newTiming, scales, seasonal, profile, alarm, stuck, cusum, drift, weather, episode,
                density, slowChange);
    }

    public DetectorConfig with(Scales newScales) {
        return new DetectorConfig(timing, newScales, seasonal, profile, alarm, stuck, cusum, drift, weather, episode,
                density, slowChange);
    }

    public DetectorConfig with(Seasonal newSeasonal) {
        return new DetectorConfig(timing, scales, newSeasonal, profile, alarm, stuck, cusum, drift, weather, episode,
                density, slowChange);
    }

    public DetectorConfig with(Profile newProfile) {
        return new DetectorConfig(timing, scales, seasonal, newProfile, alarm, stuck, cusum, drift, weather, episode,
                density, slowChange);
    }

    public DetectorConfig with(Alarm newAlarm) {
        return new DetectorConfig(timing, scales, seasonal, profile, newAlarm, stuck, cusum, drift, weather, episode,
                density, slowChange);
    }

    public DetectorConfig with(Stuck newStuck) {
        return new DetectorConfig(timing, scales, seasonal, profile, alarm, newStuck, cusum, drift, weather, episode,
                density, slowChange);
    }

    public DetectorConfig with(Cusum newCusum) {
        return new DetectorConfig(timing, scales, seasonal, profile, alarm, stuck, newCusum, drift, weather, episode,
                density, slowChange);
    }

    public DetectorConfig with(Drift newDrift) {
        return new DetectorConfig(timing, scales, seasonal, profile, alarm, stuck, cusum, newDrift, weather, episode,
                density, slowChange);
    }

    public DetectorConfig with(Weather newWeather) {
        return new DetectorConfig(timing, scales, seasonal, profile, alarm, stuck, cusum, drift, newWeather, episode,
                density, slowChange);
    }

    public DetectorConfig with(Episode newEpisode) {
        return new DetectorConfig(timing, scales, seasonal, profile, alarm, stuck, cusum, drift, weather, newEpisode,
                density, slowChange);
    }

    public DetectorConfig with(Density newDensity) {
        return new DetectorConfig(timing, scales, seasonal, profile, alarm, stuck, cusum, drift, weather, episode,
                newDensity, slowChange);
    }

    public DetectorConfig with(SlowChange newSlowChange) {
        return new DetectorConfig(timing, scales, seasonal, profile, alarm, stuck, cusum, drift, weather, episode,
                density, newSlowChange);
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException("detector " + message);
        }
    }

    private static void requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, () -> "detector " + name + " is required");
        require(!duration.isNegative(), name + " must not be negative, was " + duration);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, () -> "detector " + name + " is required");
        require(duration.isPositive(), name + " must be positive, was " + duration);
    }
}
