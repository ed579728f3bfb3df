package io.energywatch.analytics.forecast;

import java.io.Serializable;
import java.util.List;

/** A regression algorithm over feature rows; fitting is deterministic for a given seed. */
public interface Regressor {

    Fitted fit(List<String> names, double[][] x, double[] y, long seed);

    /** A fitted model; serialisable so the registry can store it. */
    interface Fitted extends Serializable {
        double predict(double[] row);
    }
}
