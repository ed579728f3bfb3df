package io.energywatch.analytics.anomaly;

/**
 * A two-sided CUSUM of the residual z, each clipped to {@code cusum.residualClip} so one spike is not a shift: a
 * persistent shift of the mean accumulates, noise drains by the slack. Both sides are capped at twice the alarm
 * level, so a long shift does not need as long to be forgotten.
 */
final class LevelCusum {

    private final DetectorConfig.Cusum config;
    private double up;
    private double down;

    LevelCusum(DetectorConfig.Cusum config) {
        this.config = config;
    }

    /** Accumulates {@code residualZ}; returns the larger side, signed (negative for a downward shift). */
    double next(double residualZ) {
        double clipped = Math.max(-config.residualClip(), Math.min(config.residualClip(), residualZ));
        double cap = 2 * config.alarm();
        up = Math.min(cap, Math.max(0, up + clipped - config.slack()));
        down = Math.min(cap, Math.max(0, down - clipped - config.slack()));
        return up >= down ? up : -down;
    }
}
