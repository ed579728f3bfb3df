package io.energywatch.analytics.evaluation;

import io.energywatch.analytics.nab.NabCostProfile;
import io.energywatch.analytics.nab.NabScorer;
import io.energywatch.analytics.nab.NabSeries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The leave-one-category-out protocol on a NAB corpus: for each category (the folder of {@code data/}), every setting
 * (a candidate of a small fixed grid, and the detection threshold) is chosen on the other categories only, and the
 * held-out category is scored with that choice. The held-out results of all folds are pooled into one normalised
 * score, which estimates what the detector scores on series of a kind it was never tuned on. The in-sample score
 * (the choice made on every category, the threshold swept on the whole corpus, as NAB reports) is given beside it.
 *
 * <p>A candidate is chosen by the mean of the normalised scores of the training categories that have labelled
 * windows, at one threshold swept on the training categories pooled (a category without windows, such as
 * artificialNoAnomaly, has no normalised score of its own but its false positives weigh on that threshold). Ties go to
 * the earlier candidate of the grid. With a fixed {@link ThresholdRule} nothing about the threshold is learned from
 * data: the candidate is chosen, and every category scored, at that threshold.
 */
public final class LeaveOneCategoryOut {

    /** A named detector setting: the per-row scores in [0, 1] it gives a series (a fresh, causal detector per call). */
    public record Candidate(String name, Function<NabSeries, double[]> detector) {
    }

    /** One fold: the held-out category, the series settings are chosen on, and the series scored. */
    public record Fold(String heldOut, List<NabSeries> training, List<NabSeries> test) {
    }

    /**
     * A fold's outcome.
     *
     * @param chosen        the candidate chosen on the training categories
     * @param trainingScore its selection criterion (mean normalised score of the training categories)
     * @param threshold     the threshold swept on the training categories, applied to the held-out one
     * @param heldOut       the held-out category scored at that threshold (its normalised score is NaN without
     *                      windows)
     */
    public record FoldResult(Fold fold, String chosen, double trainingScore, double threshold,
                             NabScorer.Result heldOut) {
    }

    /**
     * The protocol's outcome for one cost profile.
     *
     * @param heldOutScore   100 × (Σ raw − Σ null) / (Σ perfect − Σ null) over the folds' held-out results
     * @param inSampleChosen the candidate chosen on the whole corpus
     * @param inSample       its score on the whole corpus with the threshold swept on it (NAB's usual report)
     * @param inSampleByCandidate every candidate's whole-corpus score, in grid order
     */
    public record Report(NabCostProfile profile, List<FoldResult> folds, double heldOutScore, String inSampleChosen,
                         NabScorer.Result inSample, Map<String, NabScorer.Result> inSampleByCandidate) {
    }

    /**
     * How a fold's threshold is set. NAB sweeps it: the threshold that maximises the raw score of the training
     * categories pooled. A fixed threshold is set before any data is seen, as the product does: {@code /detect} and the
     * stream flag a row at the severity scale's anomaly level, 0.5 ({@code SeverityScale.DEFAULT}).
     *
     * @param fixed the threshold applied to every fold and to the in-sample score, or NaN to sweep it
     */
    public record ThresholdRule(double fixed) {

        public static final ThresholdRule SWEPT = new ThresholdRule(Double.NaN);

        public ThresholdRule {
            if (!Double.isNaN(fixed) && !(fixed > 0 && fixed <= 1)) {
                throw new IllegalArgumentException("a fixed threshold must be within (0, 1], got " + fixed);
            }
        }

        public static ThresholdRule fixedAt(double threshold) {
            return new ThresholdRule(threshold);
        }

        public boolean swept() {
            return Double.isNaN(fixed);
        }

        @Override
        public String toString() {
            return swept() ? "swept on the training categories" : "fixed at " + fixed;
        }
    }

    private final NabScorer scorer;
    private final ThresholdRule thresholdRule;

    public LeaveOneCategoryOut(NabScorer scorer) {
        this(scorer, ThresholdRule.SWEPT);
    }

    public LeaveOneCategoryOut(NabScorer scorer, ThresholdRule thresholdRule) {
        this.scorer = scorer;
        this.thresholdRule = thresholdRule;
    }

    /** The category of a series: the folder its file is in ({@code realTweets/Twitter_volume_AAPL.csv}). */
    public static String categoryOf(NabSeries series) {
        int slash = series.name().indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException(series.name() + " is not under a category folder");
        }
        return series.name().substring(0, slash);
    }

    /** One fold per category, in order of first appearance; each series is tested in exactly one fold. */
    public static List<Fold> folds(List<NabSeries> corpus) {
        Map<String, List<NabSeries>> byCategory = new LinkedHashMap<>();
        for (NabSeries s : corpus) {
            byCategory.computeIfAbsent(categoryOf(s), c -> new ArrayList<>()).add(s);
        }
        if (byCategory.size() < 2) {
            throw new IllegalArgumentException("leave-one-category-out needs at least two categories, found "
                    + byCategory.keySet());
        }
        List<Fold> folds = new ArrayList<>();
        for (String category : byCategory.keySet()) {
            List<NabSeries> training = corpus.stream().filter(s -> !categoryOf(s).equals(category)).toList();
            folds.add(new Fold(category, training, List.copyOf(byCategory.get(category))));
        }
        return folds;
    }

    /** Runs every candidate once on every series, then the protocol for each profile. */
    public List<Report> evaluate(List<NabSeries> corpus, List<Candidate> grid, List<NabCostProfile> profiles) {
        Map<String, Map<String, double[]>> scores = scoreAll(corpus, grid);
        return profiles.stream().map(p -> evaluate(corpus, scores, p)).toList();
    }

    /** Every candidate's per-row scores of every series: candidate name → series name → scores. */
    public static Map<String, Map<String, double[]>> scoreAll(List<NabSeries> corpus, List<Candidate> grid) {
        Map<String, Map<String, double[]>> scores = new LinkedHashMap<>();
        for (Candidate c : grid) {
            Map<String, double[]> bySeries = new LinkedHashMap<>();
            for (NabSeries s : corpus) {
                bySeries.put(s.name(), c.detector().apply(s));
            }
            scores.put(c.name(), bySeries);
        }
        return scores;
    }

    /**
     * Categories never looked at while any setting was chosen: the candidate and the threshold are chosen on every
     * category of {@code training} (as for a fold), and {@code fresh} is scored with them. Unlike a fold's held-out
     * category, a fresh one was not seen by whoever designed the grid either, so its score is a clean estimate.
     */
    public FoldResult scoreFresh(List<NabSeries> training, List<NabSeries> fresh,
                                 Map<String, Map<String, double[]>> scores, NabCostProfile profile) {
        var trainingCategories = training.stream().map(LeaveOneCategoryOut::categoryOf).distinct().toList();
        var freshCategories = fresh.stream().map(LeaveOneCategoryOut::categoryOf).distinct().toList();
        if (freshCategories.isEmpty()) {
            throw new IllegalArgumentException("no fresh series to score");
        }
        for (String category : freshCategories) {
            if (trainingCategories.contains(category)) {
                throw new IllegalArgumentException("category " + category + " is in the training corpus, so it is"
                        + " not fresh");
            }
        }
        Choice choice = choose(training, scores, profile);
        NabScorer.Result result = scorer.scoreAt(scored(fresh, scores.get(choice.name)), profile, choice.threshold);
        return new FoldResult(new Fold(String.join("+", freshCategories), training, fresh), choice.name,
                choice.criterion, choice.threshold, result);
    }

    /** The protocol for one profile on precomputed scores: candidate name → series name → per-row scores. */
    public Report evaluate(List<NabSeries> corpus, Map<String, Map<String, double[]>> scores,
                           NabCostProfile profile) {
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("the candidate grid is empty");
        }
        List<FoldResult> results = new ArrayList<>();
        double raw = 0;
        double nullRaw = 0;
        double perfect = 0;
        for (Fold fold : folds(corpus)) {
            Choice choice = choose(fold.training(), scores, profile);
            NabScorer.Result heldOut = scorer.scoreAt(scored(fold.test(), scores.get(choice.name)), profile,
                    choice.threshold);
            results.add(new FoldResult(fold, choice.name, choice.criterion, choice.threshold, heldOut));
            raw += heldOut.raw();
            nullRaw += heldOut.nullRaw();
            perfect += heldOut.perfectRaw();
        }
        Choice all = choose(corpus, scores, profile);
        Map<String, NabScorer.Result> byCandidate = new LinkedHashMap<>();
        scores.forEach((name, bySeries) -> byCandidate.put(name, score(corpus, bySeries, profile)));
        return new Report(profile, results, 100 * (raw - nullRaw) / (perfect - nullRaw), all.name,
                byCandidate.get(all.name), byCandidate);
    }

    private record Choice(String name, double criterion, double threshold) {
    }

    /** The candidate with the best mean normalised score over {@code training}'s categories, and its threshold. */
    private Choice choose(List<NabSeries> training, Map<String, Map<String, double[]>> scores,
                          NabCostProfile profile) {
        Choice best = null;
        for (var candidate : scores.entrySet()) {
            List<NabScorer.SeriesScores> pooled = scored(training, candidate.getValue());
            double threshold = score(pooled, profile).threshold();
            Map<String, List<NabScorer.SeriesScores>> byCategory = new LinkedHashMap<>();
            for (NabScorer.SeriesScores s : pooled) {
                byCategory.computeIfAbsent(categoryOf(s.series()), c -> new ArrayList<>()).add(s);
            }
            double sum = 0;
            int counted = 0;
            for (List<NabScorer.SeriesScores> category : byCategory.values()) {
                if (category.stream().anyMatch(s -> !s.series().windows().isEmpty())) {
                    sum += scorer.scoreAt(category, profile, threshold).normalized();
                    counted++;
                }
            }
            if (counted == 0) {
                throw new IllegalArgumentException("no training category has labelled windows");
            }
            double criterion = sum / counted;
            if (best == null || criterion > best.criterion) {
                best = new Choice(candidate.getKey(), criterion, threshold);
            }
        }
        return best;
    }

    /**
     * {@code series} scored under this protocol's threshold rule: at the threshold swept on them, or at the fixed one
     * (what the in-sample score and every choice use).
     */
    public NabScorer.Result score(List<NabSeries> series, Map<String, double[]> scores, NabCostProfile profile) {
        return score(scored(series, scores), profile);
    }

    private NabScorer.Result score(List<NabScorer.SeriesScores> series, NabCostProfile profile) {
        return thresholdRule.swept() ? scorer.score(series, profile)
                : scorer.scoreAt(series, profile, thresholdRule.fixed());
    }

    private static List<NabScorer.SeriesScores> scored(List<NabSeries> series, Map<String, double[]> scores) {
        return series.stream().map(s -> new NabScorer.SeriesScores(s, scores.get(s.name()))).toList();
    }
}
