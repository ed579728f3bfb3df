package io.energywatch.analytics.anomaly;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Every tunable of the streaming detector and its features, with defaults that work for half-hourly to 5-minute
 * consumption series. Point counts are in observations; durations are converted with the series' resolution.
 *
 * @param zone                time zone of the weekday × time-of-day baseline (Europe/Paris for French series)
 * @param slotMinutes         width of a time-of-day slot; 0 infers it from the first gap between observations
 * @param minSlotMinutes      lower bound on an inferred slot width, to cap the baseline's memory for fast series
 * @param warmupPoints        observations learned before any score is given
 * @param warmup              time learned before any score is given (both must pass), so the daily baseline exists
 * @param rollingWindow       observations in the rolling median / MAD window
 * @param residualScaleWindow observations over which the residuals' robust scale is estimated
 * @param seasonalDepthWeeks  weeks of history per weekday × time-of-day slot
 * @param seasonalDepthDays   days of history per time-of-day slot (fallback while few weeks are known)
 * @param minWeeklySamples    weeks a slot needs before the weekly baseline is used
 * @param minDailySamples     days a time-of-day slot needs before the daily baseline is used
 * @param seasonalErrorRatio  the seasonal baseline is also preferred to the rolling median when its mean absolute residual
 *                            is this many times smaller than the rolling median's out-of-sample one (over
 *                            {@code residualScaleWindow} rows): the rolling scale alone is narrow on the flat part of a
 *                            daily cycle although the rolling median misses every daily rise; 0 = compare the scales
 *                            only
 * @param profileWindow       observations over which the current level relative to the seasonal baseline is measured
 *                            (median of value / baseline, or of value − baseline for series that are not strictly
 *                            positive): the profile expectation is the baseline scaled to that level, so a day that is
 *                            colder or a week that is busier than the weeks the baseline remembers keeps a narrow
 *                            range; 0 turns the profile expectation off
 * @param profileJumpDays     day-to-day changes of the profile level remembered: at the start of a local day the level
 *                            is still measured on yesterday's rows, so until the day has {@code profileWindow} rows the
 *                            profile's scale is widened by the typical change, in proportion to yesterday's share of
 *                            the level window; 0 = never widened
 * @param relativeScaleFloor  smallest robust scale as a fraction of the typical level, so a perfectly regular series
 *                            does not turn rounding noise into alarms
 * @param alarmZ              robust z-score at which the streaming score reaches 0.5
 * @param tailWindow          observations whose residual z-scores measure how heavy the series' tails are; 0 turns the
 *                            heavy-tail widening off
 * @param tailQuantile        quantile of past |z| compared with the Gaussian one; heavier tails shrink the z-scores
 * @param minStuckRun         shortest run of identical values that can be a stuck meter
 * @param stuckRunFactor      a run is stuck when it is this many times longer than every earlier run
 * @param unlearnedStuckRuns  how many of the series' runs judged stuck are treated as incidents that do not count as
 *                            earlier runs (so the next stuck meter is judged against the same bar); later ones do, so a
 *                            series whose flat runs recur learns them; 0 = every run counts
 * @param stuckReportedOnce   a stuck run reported as a fresh stuck meter does not grow in score while it lasts: it is
 *                            reported once, at its onset, instead of escalating past the episode damping row after row
 * @param cusumSlack          CUSUM allowance k, in robust standard deviations
 * @param cusumThreshold      CUSUM decision level h: above it an anomaly is classified as a level shift
 * @param cusumAlarm          CUSUM level at which a persistent shift alone reaches the alarm level (well above h:
 *                            most shifts alarm through their first residuals; this catches slow, moderate ones)
 * @param residualClip        residual z clipped to this before it enters the CUSUM, so one spike is not a shift
 * @param driftShortHalfLife  half-life of the short-term mean of the drift feature
 * @param driftLongHalfLife   half-life of the long-term mean and variance of the drift feature
 * @param driftThreshold      drift z at which the drift component reaches the alarm level
 * @param weatherForgetting   forgetting factor of the degree-day regression
 * @param weatherMinSamples   observations with weather before the weather residual is used
 * @param weatherWeight       weight of the weather residual in the streaming score (its expectation is coarser)
 * @param episodeHalfLife     half-life of an open anomaly episode: while it lasts, rows no larger than
 *                            {@code episodeEscalation} times the episode's size score {@code episodeDamping} times
 *                            lower, so one incident is reported once, at its onset, unless it escalates
 * @param episodeEscalation   how much larger than the open episode a row must be to score in full again
 * @param episodeDamping      factor on the z-scale of rows inside an open episode
 * @param baselineHold        while an alarm episode is open, for at most this long from its onset, the rows are not
 *                            learned by the seasonal baseline, so an incident of a day is not remembered as that time
 *                            of day's normal (and its end flagged the next days); after it, a lasting change is
 *                            learned as before; zero = off
 * @param densityWindow       rows over which the spike density is counted: a row whose raw |z| reaches
 *                            {@code densityZ} and brings the count of such rows in the window above every earlier
 *                            count scores as a residual of {@code alarmZ} × count / (record + 1); 0 = off
 * @param densityZ            raw robust |z| (before the heavy-tail widening) that counts as a large residual
 * @param preOnsetMemory      how long the weather-relative profile level the series held just before an alarm
 *                            episode's onset is remembered (with the degree-day regression of then): while the profile
 *                            has moved away from it by at least half an alarm, a row is measured against the pre-onset
 *                            expectation when that is the nearer one, so the return to normal at the end of a level
 *                            shift is not a new spike, drop or shift; forgotten once the profile is back within half
 *                            an alarm of it (at least a profile window after the onset). Only when the rows carry
 *                            weather: without it the level moves with the temperature and the old level is no
 *                            expectation; zero = off
 * @param seasonalClipZ      the weekday × time-of-day baseline learns each row's value clipped to its expectation ±
 *                            this many robust sigmas (after the warm-up), so a one-off incident does not bend its
 *                            slot's median and come back as an opposite alarm at the same time of the next weeks; a
 *                            lasting change still moves the slot, by the clip width a week, until its rows fall inside
 *                            the band; 0 = off (every value is learned as it is)
 * @param explainedFeatures   how many features an explanation names at most
 * @param severities          cut points of the calibrated score
 */
public record DetectorConfig(
        ZoneId zone,
        int slotMinutes,
        int minSlotMinutes,
        int warmupPoints,
        Duration warmup,
        int rollingWindow,
        int residualScaleWindow,
        int seasonalDepthWeeks,
        int seasonalDepthDays,
        int minWeeklySamples,
        int minDailySamples,
        double seasonalErrorRatio,
        int profileWindow,
        int profileJumpDays,
        double relativeScaleFloor,
        double alarmZ,
        int tailWindow,
        double tailQuantile,
        int minStuckRun,
        double stuckRunFactor,
        int unlearnedStuckRuns,
        boolean stuckReportedOnce,
        double cusumSlack,
        double cusumThreshold,
        double cusumAlarm,
        double residualClip,
        Duration driftShortHalfLife,
        Duration driftLongHalfLife,
        double driftThreshold,
        double weatherForgetting,
        int weatherMinSamples,
        double weatherWeight,
        Duration episodeHalfLife,
        double episodeEscalation,
        double episodeDamping,
        Duration baselineHold,
        int densityWindow,
        double densityZ,
        Duration preOnsetMemory,
        double seasonalClipZ,
        int explainedFeatures,
        SeverityScale severities) {

    public DetectorConfig {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(episodeHalfLife, "episodeHalfLife");
        Objects.requireNonNull(baselineHold, "baselineHold");
        Objects.requireNonNull(preOnsetMemory, "preOnsetMemory");
        Objects.requireNonNull(driftShortHalfLife, "driftShortHalfLife");
        Objects.requireNonNull(driftLongHalfLife, "driftLongHalfLife");
        Objects.requireNonNull(severities, "severities");
        if (rollingWindow < 3 || residualScaleWindow < 3) {
            throw new IllegalArgumentException("rolling windows need at least 3 points");
        }
        if (seasonalDepthWeeks < 1 || seasonalDepthDays < 1 || minWeeklySamples > seasonalDepthWeeks
                || minDailySamples > seasonalDepthDays) {
            throw new IllegalArgumentException("seasonal depths must be positive and cover their minimum samples");
        }
        if (unlearnedStuckRuns < 0) {
            throw new IllegalArgumentException("unlearnedStuckRuns must not be negative");
        }
        if (profileWindow < 0 || profileWindow == 1 || profileWindow == 2) {
            throw new IllegalArgumentException("profileWindow must be 0 (off) or at least 3");
        }
        if (profileJumpDays < 0 || profileJumpDays > 0 && profileJumpDays < 7) {
            throw new IllegalArgumentException("profileJumpDays must be 0 (off) or at least 7");
        }
        if (!(tailQuantile > 0.5 && tailQuantile < 1) || tailWindow != 0 && tailWindow < 10) {
            throw new IllegalArgumentException("tailQuantile must be in (0.5, 1) and tailWindow 0 (off) or at least 10");
        }
        if (!(episodeDamping > 0 && episodeDamping <= 1) || episodeEscalation < 1) {
            throw new IllegalArgumentException("episodeDamping must be in (0, 1] and episodeEscalation at least 1");
        }
        if (!(seasonalErrorRatio >= 0)) {
            throw new IllegalArgumentException("seasonalErrorRatio must be 0 (off) or positive");
        }
        if (baselineHold.isNegative()) {
            throw new IllegalArgumentException("baselineHold must not be negative");
        }
        if (preOnsetMemory.isNegative()) {
            throw new IllegalArgumentException("preOnsetMemory must not be negative");
        }
        if (!(seasonalClipZ >= 0)) {
            throw new IllegalArgumentException("seasonalClipZ must be 0 (off) or positive");
        }
        if (densityWindow < 0 || densityWindow > 0 && densityWindow < 3 || !(densityZ > 0)) {
            throw new IllegalArgumentException("densityWindow must be 0 (off) or at least 3 and densityZ positive");
        }
        if (alarmZ <= 0 || cusumThreshold <= 0 || cusumAlarm < cusumThreshold || driftThreshold <= 0) {
            throw new IllegalArgumentException("alarm levels must be positive");
        }
        if (!(weatherForgetting > 0 && weatherForgetting <= 1)) {
            throw new IllegalArgumentException("weatherForgetting must be in (0, 1]");
        }
    }

    public static DetectorConfig defaults() {
        return new DetectorConfig(ZoneId.of("Europe/Paris"), 0, 5, 48, Duration.ofDays(2), 96, 1024, 6, 7, 3, 2,
                1.5, 0, 0, 0.005, 5.0, 2048, 0.995, 6, 4.0, 0, true, 1.0, 15.0, 40.0, 3.0, Duration.ofDays(1),
                Duration.ofDays(14), 4.0, 0.998, 48, 0.5, Duration.ofDays(1), 1.5, 0.3, Duration.ofDays(1), 24,
                4.0, Duration.ZERO, 0.0, 3, SeverityScale.DEFAULT);
    }

    /**
     * For metered consumption (half-hourly to hourly regional or site load), what anomaly-service runs on the enriched
     * stream; {@link #defaults()} stays what {@code /detect} runs and what the NAB score measures. Against the defaults:
     * <ul>
     *   <li>the expectation can be the weekday × time-of-day baseline scaled to the level of the last 16 rows
     *       ({@code profileWindow}), divided by the degree-day level when the rows carry weather, with its scale widened
     *       at the start of a day by the day-to-day level changes of the last 28 days ({@code profileJumpDays});</li>
     *   <li>no heavy-tail widening ({@code tailWindow} 0): a load's tail is its incidents, which must not hide the next
     *       one; instead the alarm is at 7 robust sigmas of a profile whose residuals are narrow;</li>
     *   <li>three days of warm-up, and the profile is used once it has seen three day-to-day level changes;</li>
     *   <li>episodes fade with a 6-hour half-life, so a spike the next day is a new incident;</li>
     *   <li>the first three stuck runs of a series do not raise the bar for the next one ({@code unlearnedStuckRuns});</li>
     *   <li>no spike-density component ({@code densityWindow} 0) and no baseline hold during episodes
     *       ({@code baselineHold} zero): on the simulator both turned ordinary rows into wrong spikes and drops;</li>
     *   <li>with weather, the level before an alarm episode's onset is remembered for 7 days
     *       ({@code preOnsetMemory}), so the return to it at the end of a level shift is not a new drop or spike;</li>
     *   <li>the weekday × time-of-day baseline learns each value clipped to its expectation ± 7 robust sigmas (the
     *       alarm band, {@code seasonalClipZ}), so a one-off spike or drop does not bend its slot's median and come
     *       back as an opposite alarm at the same half-hour of the next weeks.</li>
     * </ul>
     * Chosen on the simulator's seed-42 quarter, the pre-onset memory on seeds 42 and 7, the clipped baseline on seeds
     * 101 and 202 (docs/evaluation.md, "Simulator-labelled anomalies").
     */
    public static DetectorConfig consumption() {
        return new DetectorConfig(ZoneId.of("Europe/Paris"), 0, 5, 48, Duration.ofDays(3), 96, 1024, 6, 7, 3, 2,
                1.5, 16, 28, 0.005, 7.0, 0, 0.995, 6, 4.0, 3, true, 1.0, 15.0, 40.0, 3.0, Duration.ofDays(1),
                Duration.ofDays(14), 4.0, 0.998, 48, 0.5, Duration.ofHours(6), 1.5, 0.3, Duration.ZERO, 0,
                4.0, Duration.ofDays(7), 7.0, 3, SeverityScale.DEFAULT);
    }

    /** The same configuration in another time zone (a request's {@code tz}). */
    public DetectorConfig withZone(ZoneId newZone) {
        return new DetectorConfig(newZone, slotMinutes, minSlotMinutes, warmupPoints, warmup, rollingWindow,
                residualScaleWindow, seasonalDepthWeeks, seasonalDepthDays, minWeeklySamples, minDailySamples,
                seasonalErrorRatio, profileWindow, profileJumpDays, relativeScaleFloor, alarmZ, tailWindow,
                tailQuantile, minStuckRun, stuckRunFactor, unlearnedStuckRuns, stuckReportedOnce, cusumSlack,
                cusumThreshold, cusumAlarm, residualClip, driftShortHalfLife, driftLongHalfLife, driftThreshold,
                weatherForgetting, weatherMinSamples, weatherWeight, episodeHalfLife, episodeEscalation,
                episodeDamping, baselineHold, densityWindow, densityZ, preOnsetMemory, seasonalClipZ,
                explainedFeatures, severities);
    }

    /** The same configuration with another warm-up, for short series and tests. */
    public DetectorConfig withWarmup(int points, Duration duration) {
        return new DetectorConfig(zone, slotMinutes, minSlotMinutes, points, duration, rollingWindow,
                residualScaleWindow, seasonalDepthWeeks, seasonalDepthDays, minWeeklySamples, minDailySamples,
                seasonalErrorRatio, profileWindow, profileJumpDays, relativeScaleFloor, alarmZ, tailWindow,
                tailQuantile, minStuckRun, stuckRunFactor, unlearnedStuckRuns, stuckReportedOnce, cusumSlack,
                cusumThreshold, cusumAlarm, residualClip, driftShortHalfLife, driftLongHalfLife, driftThreshold,
                weatherForgetting, weatherMinSamples, weatherWeight, episodeHalfLife, episodeEscalation,
                episodeDamping, baselineHold, densityWindow, densityZ, preOnsetMemory, seasonalClipZ,
                explainedFeatures, severities);
    }

    /** The same configuration with other severity bands (the service's configured ones). */
    public DetectorConfig withSeverities(SeverityScale newSeverities) {
        return new DetectorConfig(zone, slotMinutes, minSlotMinutes, warmupPoints, warmup, rollingWindow,
                residualScaleWindow, seasonalDepthWeeks, seasonalDepthDays, minWeeklySamples, minDailySamples,
                seasonalErrorRatio, profileWindow, profileJumpDays, relativeScaleFloor, alarmZ, tailWindow,
                tailQuantile, minStuckRun, stuckRunFactor, unlearnedStuckRuns, stuckReportedOnce, cusumSlack,
                cusumThreshold, cusumAlarm, residualClip, driftShortHalfLife, driftLongHalfLife, driftThreshold,
                weatherForgetting, weatherMinSamples, weatherWeight, episodeHalfLife, episodeEscalation,
                episodeDamping, baselineHold, densityWindow, densityZ, preOnsetMemory, seasonalClipZ,
                explainedFeatures, newSeverities);
    }

    /**
     * This configuration with the components named by the properties that start with {@code prefix} (e.g.
     * {@code -Dew.profileWindow=16} with prefix {@code "ew."}) replaced: the evaluations' ablation switch.
     */
    public DetectorConfig withComponents(java.util.Properties properties, String prefix) {
        java.util.Map<String, String> replaced = new java.util.TreeMap<>();
        properties.stringPropertyNames().stream().filter(n -> n.startsWith(prefix))
                .forEach(n -> replaced.put(n.substring(prefix.length()), properties.getProperty(n)));
        return withComponents(replaced);
    }

    /**
     * The same configuration with the named components replaced, each value given as text (ints, doubles, booleans,
     * ISO-8601 durations): how the evaluation commands take {@code -Dew.<component>=value} for ablations.
     *
     * @throws IllegalArgumentException for an unknown component, one of another type, or a value that does not parse
     */
    public DetectorConfig withComponents(java.util.Map<String, String> replaced) {
        var components = DetectorConfig.class.getRecordComponents();
        var unknown = new java.util.TreeSet<>(replaced.keySet());
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].getAccessor().invoke(this);
                String text = replaced.get(components[i].getName());
                unknown.remove(components[i].getName());
                if (text != null) {
                    values[i] = switch (types[i].getName()) {
                        case "int" -> Integer.parseInt(text);
                        case "double" -> Double.parseDouble(text);
                        case "boolean" -> Boolean.parseBoolean(text);
                        case "java.time.Duration" -> Duration.parse(text);
                        default -> throw new IllegalArgumentException("component " + components[i].getName()
                                + " cannot be given as text");
                    };
                }
            }
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("no such detector components: " + unknown);
            }
            return DetectorConfig.class.getDeclaredConstructor(types).newInstance(values);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
