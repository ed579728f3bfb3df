package io.energywatch.analytics.drift.bench;

import io.energywatch.analytics.drift.CurrentWindow;
import io.energywatch.analytics.drift.DriftAnalysis;
import io.energywatch.analytics.drift.DriftAnalyzer;
import io.energywatch.analytics.registry.FeatureProfile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Time to analyse 20 numeric features × 1,000,000 current rows against stored reference profiles (10 quantile bins,
 * a reservoir of {@code reservoir} values, default 10,000): PSI, KS, Holm, status and sentences. Half the features are
 * shifted. Not a test; run it as docs/evaluation.md ("Drift") says. Arguments: [rows] [features] [reservoir].
 */
public final class DriftBench {

    private static final int ROUNDS = 7;

    private DriftBench() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int featureCount = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int reservoir = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        var random = new SplittableRandom(42);
        var profiles = new ArrayList<FeatureProfile>();
        Map<String, double[]> columns = new HashMap<>();
        for (int f = 0; f < featureCount; f++) {
            String name = "feature" + f;
            double[] training = new double[200_000];
            for (int i = 0; i < training.length; i++) {
                training[i] = 10 + 5 * gaussian(random);
            }
            profiles.add(FeatureProfile.numeric(name, training, 10, reservoir, f));
            double shift = f % 2 == 0 ? 0.0 : 0.2 * f;
            double[] current = new double[rows];
            for (int i = 0; i < rows; i++) {
                current[i] = 10 + shift + 5 * gaussian(random);
            }
            columns.put(name, current);
        }
        var window = new CurrentWindow(rows, columns, Map.of());
        var analyzer = new DriftAnalyzer(DriftAnalyzer.Settings.defaults());

        long[] nanos = new long[ROUNDS];
        DriftAnalysis analysis = null;
        for (int r = 0; r < ROUNDS; r++) {
            long start = System.nanoTime();
            analysis = analyzer.analyse(profiles, window);
            nanos[r] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("drift analysis: %d features x %,d current rows, reservoir %,d, %d cores: median %.3f s,"
                        + " best %.3f s, first (cold) round included in %d rounds%n", featureCount, rows, reservoir,
                Runtime.getRuntime().availableProcessors(), nanos[ROUNDS / 2] / 1e9, nanos[0] / 1e9, ROUNDS);
        System.out.println("overall " + analysis.overallStatus() + "; " + analysis.features().get(1).summary());
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller: SplittableRandom has no nextGaussian in every JDK we build with.
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

}
