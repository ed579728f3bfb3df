package io.energywatch.analytics.nab;

import io.energywatch.analytics.anomaly.DetectorConfig;
import io.energywatch.analytics.anomaly.Observation;
import io.energywatch.analytics.anomaly.StreamingDetector;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The NAB evaluation command: runs the streaming detector exactly as {@code /detect} does (causal, one fresh detector
 * per series, default configuration, timestamps read as UTC like a request with {@code tz=UTC}) over the corpus and
 * prints the normalised NAB score of each profile. Ablations are configurations built with {@code DetectorConfig}'s
 * typed {@code with(...)} (see {@code DetectorProtocolEvaluation}). Not a test: run it with the test classpath,
 * {@code java -cp ... io.energywatch.analytics.nab.NabEvaluation ../shared/datasets/nab}.
 */
public final class NabEvaluation {

    private NabEvaluation() {
    }

    public static void main(String[] args) {
        Path corpusDirectory = Path.of(args.length > 0 ? args[0] : "../shared/datasets/nab");
        boolean verbose = args.length > 1 && args[1].equals("--per-file");
        List<NabSeries> corpus = NabCorpus.read(corpusDirectory);
        DetectorConfig config = DetectorConfig.defaults().withZone(ZoneId.of("UTC"));
        long start = System.nanoTime();
        var scored = new ArrayList<NabScorer.SeriesScores>();
        for (NabSeries series : corpus) {
            scored.add(new NabScorer.SeriesScores(series, detect(series, config)));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        var scorer = new NabScorer();
        System.out.printf("NAB corpus %s: %d series, %d rows, %d windows, detector ran in %.2f s%n", corpusDirectory,
                corpus.size(), corpus.stream().mapToInt(NabSeries::rows).sum(),
                corpus.stream().mapToInt(s -> s.windows().size()).sum(), seconds);
        for (NabCostProfile profile : NabCostProfile.read(corpusDirectory.resolve("profiles.json"))) {
            NabScorer.Result r = scorer.score(scored, profile);
            System.out.printf("%-20s score %6.2f  (threshold %.4f, raw %.3f, null %.3f, perfect %.3f, "
                            + "TP %d, FP %d, FN %d)%n", profile.name(), r.normalized(), r.threshold(), r.raw(),
                    r.nullRaw(), r.perfectRaw(), r.truePositives(), r.falsePositives(), r.falseNegatives());
            if (verbose) {
                for (NabScorer.SeriesScores s : scored) {
                    NabScorer.Result one = scorer.scoreAt(List.of(s), profile, r.threshold());
                    System.out.printf("    %-55s raw %7.3f  TP %d FP %3d FN %d%n", s.series().name(), one.raw(),
                            one.truePositives(), one.falsePositives(), one.falseNegatives());
                }
            }
        }
    }

    /** The anomaly score of every row, as /detect returns them. */
    static double[] detect(NabSeries series, DetectorConfig config) {
        var detector = new StreamingDetector(config);
        double[] scores = new double[series.rows()];
        for (int i = 0; i < series.rows(); i++) {
            var at = series.timestamps().get(i).toInstant(ZoneOffset.UTC);
            scores[i] = detector.next(Observation.of(at, series.values()[i])).score();
        }
        return scores;
    }
}
