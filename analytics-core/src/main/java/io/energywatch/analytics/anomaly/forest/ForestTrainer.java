package io.energywatch.analytics.anomaly.forest;

import io.energywatch.analytics.anomaly.Feature;
import io.energywatch.analytics.anomaly.FeatureFrame;
import io.energywatch.analytics.registry.FeatureProfile;
import io.energywatch.analytics.registry.ModelRegistration;
import io.energywatch.analytics.registry.TrainingWindow;
import smile.anomaly.IsolationForest;
import smile.math.MathEx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Trains the isolation forest of a series group with Smile on the feature frames of a reference window, compiles it
 * to a {@link FlatIsolationForest}, calibrates its scores and describes the window for drift monitoring.
 */
public final class ForestTrainer {

    /** Registry kind and algorithm of group forests. */
    public static final String KIND = "anomaly";
    public static final String ALGORITHM = "isolation-forest";

    private final ForestConfig config;

    public ForestTrainer(ForestConfig config) {
        this.config = config;
    }

    /**
     * A trained forest with everything the registry records.
     *
     * @param smileModel the model as Smile trained it (the flat forest scores identically)
     * @param rows       the training rows, in the forest's column order
     */
    public record TrainedForest(GroupForest forest, IsolationForest smileModel, double[][] rows,
                                List<FeatureProfile> profiles, Map<String, Double> metrics,
                                Map<String, String> parameters) {

        /** The registration of this forest as a new version of {@code modelId}. */
        public ModelRegistration registration(String modelId, TrainingWindow window) {
            return new ModelRegistration(modelId, KIND, ALGORITHM, window, parameters,
                    forest.calibration().threshold(), profiles, metrics, forest.toBytes());
        }
    }

    /**
     * Trains on the frames of a reference window; frames still in warm-up (no residual) are left out, and so are
     * features constant over the window (a split on them isolates nothing and only dilutes the trees).
     */
    public TrainedForest train(List<FeatureFrame> reference) {
        var usable = reference.stream().filter(f -> !Double.isNaN(f.residualZ())).toList();
        if (usable.size() < 2) {
            throw new IllegalArgumentException("a forest needs at least 2 scored frames, got " + usable.size());
        }
        List<Feature> features = config.features().stream().filter(f -> varies(usable, f)).toList();
        if (features.isEmpty()) {
            throw new IllegalArgumentException("every forest feature is constant over the reference window");
        }
        double[][] rows = new double[usable.size()][];
        for (int i = 0; i < rows.length; i++) {
            double[] row = new double[features.size()];
            for (int j = 0; j < row.length; j++) {
                double v = usable.get(i).get(features.get(j));
                row[j] = Double.isFinite(v) ? v : 0;
            }
            rows[i] = row;
        }
        return train(rows, usable, features);
    }

    private static boolean varies(List<FeatureFrame> frames, Feature feature) {
        double first = Double.NaN;
        for (FeatureFrame frame : frames) {
            double v = frame.get(feature);
            double value = Double.isFinite(v) ? v : 0;
            if (Double.isNaN(first)) {
                first = value;
            } else if (value != first) {
                return true;
            }
        }
        return false;
    }

    /**
     * Smile 6.2.5 draws every split's normal from one shared {@code GaussianDistribution} whose {@code rand()} is not
     * thread-safe, and its fit builds the trees in a parallel stream: concurrent draws now and then return NaN, a dead
     * split every row passes to the right (FlatIsolationForestTest reproduces one). So fits run one at a time, each on
     * a one-thread pool, which the fit's parallel stream then uses instead of the common pool. Smile draws from a
     * thread-local generator: seeding it on that one thread makes a fit a function of its rows and seed, so a stream
     * replayed after a restart trains the very forest it trained before.
     */
    private static IsolationForest fitOneAtATime(double[][] rows, IsolationForest.Options options, long seed) {
        SMILE_FIT.lock();
        try (var pool = new ForkJoinPool(1)) {
            return pool.submit(() -> {
                MathEx.setSeed(seed);
                return IsolationForest.fit(rows, options);
            }).join();
        } finally {
            SMILE_FIT.unlock();
        }
    }

    private static final ReentrantLock SMILE_FIT = new ReentrantLock();

    private TrainedForest train(double[][] rows, List<FeatureFrame> frames, List<Feature> features) {
        int n = rows.length;
        // Smile takes a fraction and refuses 1.0; on a window no larger than the subsample size, each tree takes all
        // rows but one, which keeps the trees' randomness.
        double subsample = Math.min((n - 1) / (double) n, config.subsampleSize() / (double) n);
        var smile = fitOneAtATime(rows, new IsolationForest.Options(config.trees(), config.maxDepth(), subsample, 0),
                config.seed());
        FlatIsolationForest flat = FlatIsolationForest.compile(smile);
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = flat.score(rows[i]);
        }
        ScoreCalibration calibration = ScoreCalibration.fit(scores, config.contamination(), 1.0);
        var forest = new GroupForest(flat, features, calibration);

        var profiles = new ArrayList<FeatureProfile>();
        for (Feature feature : Feature.values()) {
            double[] column = frames.stream().mapToDouble(f -> f.get(feature)).toArray();
            profiles.add(FeatureProfile.numeric(feature.key(), column, config.profileBins(), config.reservoirSize(),
                    config.seed()));
        }
        int flagged = 0;
        double sum = 0;
        for (double s : scores) {
            sum += s;
            if (s >= calibration.threshold()) {
                flagged++;
            }
        }
        var metrics = new LinkedHashMap<String, Double>();
        metrics.put("training_rows", (double) n);
        metrics.put("mean_raw_score", sum / n);
        metrics.put("threshold_raw_score", calibration.threshold());
        metrics.put("flagged_share", flagged / (double) n);
        metrics.put("nodes", (double) flat.nodes());
        var parameters = new LinkedHashMap<String, String>();
        parameters.put("trees", Integer.toString(config.trees()));
        parameters.put("subsample_size", Integer.toString(config.subsampleSize()));
        parameters.put("subsample_fraction", Double.toString(subsample));
        parameters.put("max_depth", Integer.toString(config.maxDepth()));
        parameters.put("extension_level", "0");
        parameters.put("contamination", Double.toString(config.contamination()));
        parameters.put("features", String.join(",", features.stream().map(Feature::key).toList()));
        return new TrainedForest(forest, smile, rows, profiles, metrics, parameters);
    }
}
