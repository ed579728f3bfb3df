package io.energywatch.analytics.anomaly;

/**
 * The current run of identical values and the longest earlier one: a run is a stuck meter when it is at least
 * {@code stuck.minRun} long and {@code stuck.runFactor} times longer than every earlier run. The first
 * {@code stuck.unlearnedRuns} runs judged stuck are incidents, not lessons: they do not raise the bar for the next one.
 */
final class StuckRun {

    private final DetectorConfig.Stuck config;
    private int runLength;
    private long runStart;
    private int longestEarlierRun;
    private int stuckRuns;

    StuckRun(DetectorConfig.Stuck config) {
        this.config = config;
    }

    /** The length of the run that {@code x} ends, {@code previous} being the value before it (NaN for none). */
    int runAt(double x, double previous) {
        return !Double.isNaN(previous) && x == previous ? runLength + 1 : 1;
    }

    /** Learns that the row at index {@code row} ends a run of {@code run} values. */
    void learn(int run, long row) {
        if (run == 1) {
            boolean judgedStuck = runStart >= config.minRun()
                    && runLength >= Math.max(config.minRun(), config.runFactor() * longestEarlierRun);
            if (!judgedStuck || ++stuckRuns > config.unlearnedRuns()) {
                longestEarlierRun = Math.max(longestEarlierRun, runLength);
            }
            runStart = row;
        }
        runLength = run;
    }

    /** Index of the first row of the current run. */
    long runStart() {
        return runStart;
    }

    /**
     * The stuck component of a run of length {@code run} on the robust-z scale: {@code alarmZ} times how many times
     * longer than the stuck bar it is, or 0 below the bar and for a run that began before there was history to judge.
     */
    double component(double run, double alarmZ) {
        double bar = Math.max(config.minRun(), config.runFactor() * longestEarlierRun);
        boolean judged = runStart >= config.minRun();
        return judged && run >= bar ? alarmZ * run / bar : 0;
    }
}
