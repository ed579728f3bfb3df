package io.energywatch.analytics.anomaly;

/**
 * The rolling median of the last values and their robust spread: the expectation of a series without a daily shape.
 * Also keeps the mean of its own out-of-sample absolute errors (each value against the median before it), which the
 * seasonal baseline is compared with when {@code seasonal.errorRatio} is on.
 */
final class RollingLevel {

    /** Values the window needs before its median is an expectation (or the whole window when it is smaller). */
    private static final int MIN_VALUES = 8;

    private final RollingWindow window;
    private final int minValues;
    private final RunningMean errors;

    RollingLevel(int windowSize, int errorWindow) {
        this.window = new RollingWindow(windowSize);
        this.minValues = Math.min(windowSize, MIN_VALUES);
        this.errors = new RunningMean(errorWindow);
    }

    /** Whether the window holds enough values for {@link #median()} to be an expectation. */
    boolean ready() {
        return window.size() >= minValues;
    }

    /** The median of the values so far (NaN when none), whether or not it is {@link #ready()}. */
    double median() {
        return window.median();
    }

    double robustSigma() {
        return window.robustSigma();
    }

    /** Out-of-sample errors learned so far (at most the error window). */
    int errorCount() {
        return errors.size();
    }

    /** Mean of the out-of-sample absolute errors in the error window; NaN before any. */
    double meanError() {
        return errors.mean();
    }

    void learn(double x) {
        window.add(x);
    }

    void learnError(double absResidual) {
        errors.add(absResidual);
    }
}
