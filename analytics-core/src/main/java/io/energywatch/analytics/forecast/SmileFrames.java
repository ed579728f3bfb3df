package io.energywatch.analytics.forecast;

import java.util.List;
import smile.data.DataFrame;
import smile.data.formula.Formula;

/** Feature rows as Smile data frames: the target is the column {@code y}, after the features. */
final class SmileFrames {

    static final String TARGET = "y";

    private SmileFrames() {
    }

    static Formula formula() {
        return Formula.lhs(TARGET);
    }

    static DataFrame frame(List<String> names, double[][] x, double[] y) {
        int p = names.size();
        double[][] data = new double[x.length][p + 1];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, data[i], 0, p);
            data[i][p] = y == null ? 0 : y[i];
        }
        String[] columns = new String[p + 1];
        for (int j = 0; j < p; j++) {
            columns[j] = names.get(j);
        }
        columns[p] = TARGET;
        return DataFrame.of(data, columns);
    }
}
