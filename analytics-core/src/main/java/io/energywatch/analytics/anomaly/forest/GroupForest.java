package io.energywatch.analytics.anomaly.forest;

import io.energywatch.analytics.anomaly.Feature;
import io.energywatch.analytics.anomaly.FeatureFrame;
import io.energywatch.analytics.anomaly.GroupScorer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The trained model of a series group: the flat forest, the columns it reads and the calibration of its scores. A
 * missing feature is read as 0, the value of an unremarkable row for z-score-like features. Immutable and
 * thread-safe, so one instance serves every series of the group.
 */
public final class GroupForest implements GroupScorer {

    private final FlatIsolationForest forest;
    private final List<Feature> features;
    private final ScoreCalibration calibration;

    public GroupForest(FlatIsolationForest forest, List<Feature> features, ScoreCalibration calibration) {
        if (forest.dimension() != features.size()) {
            throw new IllegalArgumentException("forest reads " + forest.dimension() + " columns, " + features.size()
                    + " features given");
        }
        this.forest = forest;
        this.features = List.copyOf(features);
        this.calibration = calibration;
    }

    public FlatIsolationForest forest() {
        return forest;
    }

    public List<Feature> features() {
        return features;
    }

    public ScoreCalibration calibration() {
        return calibration;
    }

    /** The row the forest reads from a frame. */
    public double[] row(FeatureFrame frame) {
        double[] row = new double[features.size()];
        for (int i = 0; i < row.length; i++) {
            double v = frame.get(features.get(i));
            row[i] = Double.isFinite(v) ? v : 0;
        }
        return row;
    }

    public double rawScore(FeatureFrame frame) {
        return forest.score(row(frame));
    }

    @Override
    public double calibratedScore(FeatureFrame frame) {
        return calibration.calibrate(forest.score(row(frame)));
    }

    /** The model artifact: feature names, calibration and the flat forest. */
    public byte[] toBytes() {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.writeInt(features.size());
            for (Feature f : features) {
                out.writeUTF(f.name());
            }
            out.writeDouble(calibration.threshold());
            out.writeDouble(calibration.contamination());
            out.writeDouble(calibration.maxRaw());
            out.writeInt(calibration.knots().length);
            for (double k : calibration.knots()) {
                out.writeDouble(k);
            }
            byte[] flat = forest.toBytes();
            out.writeInt(flat.length);
            out.write(flat);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static GroupForest fromBytes(byte[] bytes) {
        try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int n = in.readInt();
            var features = new ArrayList<Feature>(n);
            for (int i = 0; i < n; i++) {
                features.add(Feature.valueOf(in.readUTF()));
            }
            double threshold = in.readDouble();
            double contamination = in.readDouble();
            double maxRaw = in.readDouble();
            double[] knots = new double[in.readInt()];
            for (int i = 0; i < knots.length; i++) {
                knots[i] = in.readDouble();
            }
            byte[] flat = new byte[in.readInt()];
            in.readFully(flat);
            return new GroupForest(FlatIsolationForest.fromBytes(flat), features,
                    new ScoreCalibration(knots, threshold, contamination, maxRaw));
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt group forest artifact", e);
        }
    }
}
