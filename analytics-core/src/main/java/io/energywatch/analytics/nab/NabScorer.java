package io.energywatch.analytics.nab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The NAB score (Lavin and Ahmad 2015, NAB v1.1 scorer): a detection inside a labelled window earns the scaled sigmoid
 * of its position (1 at the window's left edge, less later), only the window's earliest detection counts, a window
 * without detection costs the miss weight, a detection outside every window costs the false-positive weight (less
 * when it falls just after a window), rows in the probationary period are not scored, one threshold is chosen over the
 * whole corpus, and the total is normalised to 0 for the null detector and 100 for the perfect one.
 */
public final class NabScorer {

    /** The fraction of each series (capped at this fraction of 5,000 rows) a detector may learn from unscored. */
    public static final double PROBATIONARY_PERCENT = 0.15;

    private static final double NULL_DETECTOR_SCORE = 0.5;
    private static final double NO_DETECTION_THRESHOLD = 1.1;

    private final double probationaryPercent;

    public NabScorer() {
        this(PROBATIONARY_PERCENT);
    }

    public NabScorer(double probationaryPercent) {
        this.probationaryPercent = probationaryPercent;
    }

    /** A detector's per-row scores (in [0, 1]) for one series. */
    public record SeriesScores(NabSeries series, double[] scores) {

        public SeriesScores {
            if (scores.length != series.rows()) {
                throw new IllegalArgumentException(series.name() + ": " + scores.length + " scores for "
                        + series.rows() + " rows");
            }
        }
    }

    /**
     * The result for one profile.
     *
     * @param threshold  the corpus-wide threshold that maximises the raw score
     * @param raw        the raw score at that threshold
     * @param nullRaw    the null detector's raw score
     * @param perfectRaw the perfect detector's raw score
     * @param normalized 100 × (raw − null) / (perfect − null)
     * @param truePositives windows detected, falsePositives detections outside windows, falseNegatives windows missed
     */
    public record Result(NabCostProfile profile, double threshold, double raw, double nullRaw, double perfectRaw,
                         double normalized, int truePositives, int falsePositives, int falseNegatives) {
    }

    /** NAB's scaled sigmoid: 1 well before the end of a window, −1 far after it, 0 at its right edge. */
    static double scaledSigmoid(double relativePosition) {
        if (relativePosition > 3.0) {
            return -1.0;
        }
        return 2.0 / (1.0 + Math.exp(5.0 * relativePosition)) - 1.0;
    }

    /** Rows NAB leaves unscored at the start of a series of {@code rows} rows. */
    public double probationaryLength(int rows) {
        return probationaryLength(probationaryPercent, rows);
    }

    /** NAB's probationary period for {@code percent}: that share of the rows, never more than of 5,000 rows. */
    public static double probationaryLength(double percent, int rows) {
        return Math.min(Math.floor(percent * rows), percent * 5000);
    }

    public Result score(List<SeriesScores> corpus, NabCostProfile profile) {
        int windowCount = corpus.stream().mapToInt(s -> s.series().windows().size()).sum();
        var sweep = sweep(corpus, profile, s -> s.scores());
        Threshold best = sweep.best();
        var nullSweep = sweep(corpus, profile, s -> constant(s.series().rows()));
        double nullRaw = nullSweep.best().score;
        double perfect = windowCount * profile.tpWeight();
        return new Result(profile, best.threshold, best.score, nullRaw, perfect,
                100 * (best.score - nullRaw) / (perfect - nullRaw), best.tp, best.fp, best.fn);
    }

    /** The corpus scored at a given threshold (a detection is a score at or above it) instead of the best one. */
    public Result scoreAt(List<SeriesScores> corpus, NabCostProfile profile, double threshold) {
        int windowCount = corpus.stream().mapToInt(s -> s.series().windows().size()).sum();
        Threshold at = sweep(corpus, profile, SeriesScores::scores).at(threshold);
        double nullRaw = sweep(corpus, profile, s -> constant(s.series().rows())).best().score;
        double perfect = windowCount * profile.tpWeight();
        return new Result(profile, threshold, at.score, nullRaw, perfect,
                100 * (at.score - nullRaw) / (perfect - nullRaw), at.tp, at.fp, at.fn);
    }

    private static double[] constant(int rows) {
        double[] scores = new double[rows];
        Arrays.fill(scores, NULL_DETECTOR_SCORE);
        return scores;
    }

    private Sweep sweep(List<SeriesScores> corpus, NabCostProfile profile,
                        java.util.function.Function<SeriesScores, double[]> scoresOf) {
        var rows = new ArrayList<Row>();
        int windowOffset = 0;
        var windowScorable = new ArrayList<Boolean>();
        for (SeriesScores s : corpus) {
            addRows(rows, s.series(), scoresOf.apply(s), profile, windowOffset);
            for (int w = 0; w < s.series().windows().size(); w++) {
                windowScorable.add(false);
            }
            windowOffset += s.series().windows().size();
        }
        for (Row r : rows) {
            if (r.window >= 0) {
                windowScorable.set(r.window, true);
            }
        }
        return new Sweep(rows, windowScorable, profile);
    }

    /** NAB's calcSweepScore: each scorable row's weighted score if it were a detection. */
    private void addRows(List<Row> rows, NabSeries series, double[] scores, NabCostProfile profile, int windowOffset) {
        double maxTp = scaledSigmoid(-1.0);
        double probation = probationaryLength(series.rows());
        List<NabWindow> windows = series.windows();
        int next = 0;
        NabWindow current = null;
        NabWindow previous = null;
        int currentId = -1;
        for (int i = 0; i < series.rows(); i++) {
            if (current == null && next < windows.size() && windows.get(next).first() == i) {
                current = windows.get(next);
                currentId = windowOffset + next;
                next++;
            }
            double weighted;
            if (current != null) {
                double position = -(current.last() - i + 1) / (double) current.width();
                weighted = scaledSigmoid(position) * profile.tpWeight() / maxTp;
            } else if (previous == null) {
                weighted = -1.0 * profile.fpWeight();
            } else {
                double position = Math.abs(previous.last() - i) / (double) (previous.width() - 1);
                weighted = scaledSigmoid(position) * profile.fpWeight();
            }
            if (i >= probation) {
                rows.add(new Row(scores[i], weighted, current == null ? -1 : currentId));
            }
            if (current != null && i == current.last()) {
                previous = current;
                current = null;
            }
        }
    }

    private record Row(double score, double weighted, int window) {
    }

    private record Threshold(double threshold, double score, int tp, int fp, int fn) {
    }

    /** NAB's calcScoreByThreshold: the score of every distinct threshold, from detecting nothing to everything. */
    private static final class Sweep {

        private final List<Threshold> thresholds = new ArrayList<>();

        Sweep(List<Row> rows, List<Boolean> windowScorable, NabCostProfile profile) {
            var sorted = new ArrayList<>(rows);
            sorted.sort((a, b) -> Double.compare(b.score, a.score));
            double[] windowScore = new double[windowScorable.size()];
            int scorableWindows = 0;
            for (int w = 0; w < windowScore.length; w++) {
                if (windowScorable.get(w)) {
                    windowScore[w] = -profile.fnWeight();
                    scorableWindows++;
                }
            }
            double fpTotal = 0;
            double windowTotal = -profile.fnWeight() * scorableWindows;
            int detectedWindows = 0;
            int fp = 0;
            thresholds.add(new Threshold(NO_DETECTION_THRESHOLD, windowTotal, 0, 0, scorableWindows));
            int i = 0;
            while (i < sorted.size()) {
                double value = sorted.get(i).score;
                while (i < sorted.size() && sorted.get(i).score == value) {
                    Row r = sorted.get(i);
                    if (r.window < 0) {
                        fpTotal += r.weighted;
                        fp++;
                    } else if (r.weighted > windowScore[r.window]) {
                        if (windowScore[r.window] == -profile.fnWeight()) {
                            detectedWindows++;
                        }
                        windowTotal += r.weighted - windowScore[r.window];
                        windowScore[r.window] = r.weighted;
                    }
                    i++;
                }
                thresholds.add(new Threshold(value, fpTotal + windowTotal, detectedWindows, fp,
                        scorableWindows - detectedWindows));
            }
        }

        /** The best threshold; among equal scores the highest threshold, as NAB's stable sort picks. */
        Threshold best() {
            Threshold best = thresholds.getFirst();
            for (Threshold t : thresholds) {
                if (t.score > best.score) {
                    best = t;
                }
            }
            return best;
        }

        /** The entry of the lowest swept threshold at or above {@code threshold}: detections are scores ≥ it. */
        Threshold at(double threshold) {
            Threshold match = thresholds.getFirst();
            for (Threshold t : thresholds) {
                if (t.threshold >= threshold) {
                    match = t;
                } else {
                    break;
                }
            }
            return match;
        }
    }
}
