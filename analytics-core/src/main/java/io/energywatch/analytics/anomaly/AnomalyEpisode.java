package io.energywatch.analytics.anomaly;

import io.energywatch.contracts.AnomalyType;
import org.jspecify.annotations.Nullable;

import java.util.EnumSet;
import java.util.Set;

/**
 * The detector's open anomaly episode: its size (the largest alarm since it opened, fading with
 * {@code episode.halfLife}), its type and when it opened. While it is open a row of the same kind must clearly exceed
 * it ({@code episode.escalation}) to score in full again; a new persistent kind (stuck, shift, drift) is a new finding.
 * It also remembers the stuck run last reported, so a run is reported once instead of growing row after row.
 */
final class AnomalyEpisode {

    private static final Set<AnomalyType> PERSISTENT =
            EnumSet.of(AnomalyType.STUCK_METER, AnomalyType.LEVEL_SHIFT, AnomalyType.GRADUAL_DRIFT);

    private final double alarmZ;
    private final DetectorConfig.Episode config;
    private final long holdSeconds;
    private final boolean stuckReportedOnce;
    private double level;
    private long lastEpochSecond = Long.MIN_VALUE;
    private @Nullable AnomalyType type;
    /** When the open episode began (its first fresh alarm after the level had faded below the alarm z). */
    private long opened = Long.MIN_VALUE;
    /** Start of the stuck run last reported as a fresh stuck meter, and its stuck component then; -1 for none. */
    private long reportedStuckRunStart = -1;
    private double reportedStuck;

    AnomalyEpisode(DetectorConfig config) {
        this.alarmZ = config.alarm().z();
        this.config = config.episode();
        this.holdSeconds = config.seasonal().hold().toSeconds();
        this.stuckReportedOnce = config.stuck().reportedOnce();
    }

    /**
     * Whether an episode is open at {@code epochSecond} (its faded level is still at least the alarm z) and began less
     * than {@code seasonal.hold} ago, so the row is kept out of the seasonal baseline: a lasting change must still
     * become the baseline's new normal.
     */
    boolean holdsBaseline(long epochSecond) {
        if (lastEpochSecond == Long.MIN_VALUE || opened == Long.MIN_VALUE || epochSecond - opened >= holdSeconds) {
            return false;
        }
        double faded = level * Math.pow(0.5, Math.max(0, epochSecond - lastEpochSecond)
                / (double) config.halfLife().toSeconds());
        return faded >= alarmZ;
    }

    /** A stuck component no larger than the one reported for the same run: the same incident does not escalate. */
    double capStuck(long runStart, double stuck) {
        return runStart == reportedStuckRunStart ? Math.min(stuck, reportedStuck) : stuck;
    }

    /**
     * Scores a row of magnitude {@code raw} (robust-z scale) at {@code now}: fades the episode to it, and when the row
     * alarms as {@code candidate}, opens, renews or grows the episode.
     *
     * @param runStart the start of the row's run of identical values, remembered when it is reported as stuck
     * @param stuck    the row's stuck component, likewise
     * @return whether the row is fresh (scores in full) and whether it opened a new episode
     */
    Verdict next(long now, double raw, @Nullable AnomalyType candidate, long runStart, double stuck) {
        if (lastEpochSecond != Long.MIN_VALUE && now > lastEpochSecond) {
            level *= Math.pow(0.5, (now - lastEpochSecond) / (double) config.halfLife().toSeconds());
        }
        lastEpochSecond = now;
        boolean alarming = candidate != null;
        boolean newKind = alarming && candidate != type && PERSISTENT.contains(candidate);
        boolean fresh = raw >= config.escalation() * level || newKind;
        boolean opening = false;
        if (alarming) {
            if (fresh) {
                if (level < alarmZ) {
                    opened = now;
                    opening = true;
                }
                type = candidate;
                if (candidate == AnomalyType.STUCK_METER && stuckReportedOnce) {
                    reportedStuckRunStart = runStart;
                    reportedStuck = stuck;
                }
            }
            level = Math.max(level, raw);
        }
        return new Verdict(fresh, opening);
    }

    /**
     * @param fresh   the row scores in full (not damped as part of the open episode)
     * @param opening the row opened a new episode
     */
    record Verdict(boolean fresh, boolean opening) {
    }
}
