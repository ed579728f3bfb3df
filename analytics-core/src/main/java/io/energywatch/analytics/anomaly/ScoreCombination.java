package io.energywatch.analytics.anomaly;

/**
 * How a group forest's calibrated score joins the streaming detector's. Where the streaming score is an anomaly (at or
 * above the threshold) the forest can only raise it, so an incident both see gets the higher severity. Below it the
 * forest flags a row alone only when its own score reaches {@code forestAlone}: the forest scores each row against the
 * whole group's normal, so at its own 0.5 threshold it flags its training contamination share of every series (1 %
 * of rows by default), far more rows than a utility's incidents. {@code forestAlone} 0.5 is the plain maximum;
 * above 1 the forest never flags alone.
 *
 * @param forestAlone the forest's calibrated score at which it flags a row the streaming detector does not
 */
public record ScoreCombination(double forestAlone) {

    /** The larger of the two scores. */
    public static final ScoreCombination MAX = new ScoreCombination(0.5);

    public ScoreCombination {
        if (!(forestAlone >= 0)) {
            throw new IllegalArgumentException("forestAlone must be at least 0, was " + forestAlone);
        }
    }

    /**
     * @param streaming the streaming detector's calibrated score
     * @param forest    the forest's calibrated score, NaN without a forest
     * @param threshold the anomaly threshold of the calibrated scale
     */
    public double combine(double streaming, double forest, double threshold) {
        if (Double.isNaN(forest)) {
            return streaming;
        }
        if (streaming >= threshold || forest >= forestAlone) {
            return Math.max(streaming, forest);
        }
        // The forest alone is not trusted below forestAlone: its score still shows, capped just under the threshold.
        return Math.max(streaming, Math.min(forest, Math.nextDown(threshold)));
    }
}
