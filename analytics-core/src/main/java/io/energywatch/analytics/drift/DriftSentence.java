package io.energywatch.analytics.drift;

import io.energywatch.contracts.DriftStatus;
import org.jspecify.annotations.Nullable;

import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** One plain sentence per feature, e.g. "TMoy is 3.1 °C warmer than during training; PSI 0.31, moderate". */
public final class DriftSentence {

    private DriftSentence() {
    }

    public static String numeric(String feature, double referenceMean, double currentMean, double psi,
                                 @Nullable Double adjustedPValue, Correction correction, DriftStatus status) {
        FeatureUnit unit = FeatureUnit.of(feature);
        double delta = currentMean - referenceMean;
        String shift = Math.abs(delta) < 1e-12
                ? feature + " has the same mean as during training"
                : feature + " is " + number(Math.abs(delta)) + unit.symbol() + " " + unit.direction(delta)
                  + " than during training";
        return shift + tail(psi, adjustedPValue, "KS", correction, status);
    }

    public static String categorical(String feature, Map<String, Long> reference, Map<String, Long> current, double psi,
                                     @Nullable Double adjustedPValue, Correction correction, DriftStatus status) {
        long referenceTotal = Math.max(1, reference.values().stream().mapToLong(Long::longValue).sum());
        long currentTotal = Math.max(1, current.values().stream().mapToLong(Long::longValue).sum());
        var categories = new TreeSet<String>(reference.keySet());
        categories.addAll(current.keySet());
        String moved = null;
        double largest = -1;
        double from = 0;
        double to = 0;
        for (String c : categories) {
            double r = reference.getOrDefault(c, 0L) * 100.0 / referenceTotal;
            double k = current.getOrDefault(c, 0L) * 100.0 / currentTotal;
            if (Math.abs(k - r) > largest) {
                largest = Math.abs(k - r);
                moved = c;
                from = r;
                to = k;
            }
        }
        String shift = moved == null ? feature + " has no values"
                : String.format(Locale.ROOT, "%s '%s' went from %.1f%% to %.1f%% of rows", feature, moved, from, to);
        return shift + tail(psi, adjustedPValue, "chi-square", correction, status);
    }

    private static String tail(double psi, @Nullable Double adjustedPValue, String test, Correction correction,
                               DriftStatus status) {
        String p = adjustedPValue == null ? ""
                : String.format(Locale.ROOT, ", %s p %s after %s", test, pValue(adjustedPValue),
                correction.name().charAt(0) + correction.name().substring(1).toLowerCase(Locale.ROOT));
        return String.format(Locale.ROOT, "; PSI %.2f%s, %s", psi, p, status.name().toLowerCase(Locale.ROOT));
    }

    private static String number(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return v >= 1 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2g", v);
    }

    private static String pValue(double p) {
        return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }
}
