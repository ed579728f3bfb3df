package io.energywatch.prediction.issuance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Realised accuracy of one series, horizon and algorithm: what its issued forecasts turned out to be worth.
 *
 * @param count             scored steps
 * @param maeMwh            mean absolute error
 * @param mapePercent       mean absolute percentage error over the steps whose actual is not 0; null when none is
 * @param biasMwh           mean error (actual − forecast): positive means the forecasts were too low
 * @param coverage80Percent share of the actuals inside the 80 % interval
 * @param coverage95Percent share of the actuals inside the 95 % interval
 * @param modelVersions     the champion versions whose forecasts were scored
 */
public record AccuracySummary(String series, int horizonDays, String algorithm, int count, double maeMwh,
                              @Nullable Double mapePercent, double biasMwh, double coverage80Percent,
                              double coverage95Percent, LocalDate from, LocalDate to, List<String> modelVersions) {

    private record Key(String series, int horizonDays, String algorithm) {
    }

    /** One summary per series, horizon and algorithm, ordered by series, then horizon, then algorithm. */
    public static List<AccuracySummary> of(List<AccuracyRecord> records) {
        Map<Key, List<AccuracyRecord>> groups = new LinkedHashMap<>();
        for (AccuracyRecord r : records) {
            groups.computeIfAbsent(new Key(r.series(), r.horizonDays(), r.algorithm()), k -> new ArrayList<>()).add(r);
        }
        var out = new ArrayList<AccuracySummary>();
        groups.forEach((key, group) -> out.add(summarise(key, group)));
        out.sort(Comparator.comparing(AccuracySummary::series).thenComparingInt(AccuracySummary::horizonDays)
                .thenComparing(AccuracySummary::algorithm));
        return out;
    }

    private static AccuracySummary summarise(Key key, List<AccuracyRecord> group) {
        double abs = 0;
        double error = 0;
        double absPercent = 0;
        int percents = 0;
        int inside80 = 0;
        int inside95 = 0;
        LocalDate from = group.getFirst().targetDate();
        LocalDate to = from;
        var versions = new TreeSet<String>(Comparator.comparingLong(AccuracySummary::versionOrder)
                .thenComparing(Comparator.naturalOrder()));
        for (AccuracyRecord r : group) {
            abs += r.absErrorMwh();
            error += r.errorMwh();
            if (r.percentError() != null) {
                absPercent += Math.abs(r.percentError());
                percents++;
            }
            inside80 += r.inside80() ? 1 : 0;
            inside95 += r.inside95() ? 1 : 0;
            from = r.targetDate().isBefore(from) ? r.targetDate() : from;
            to = r.targetDate().isAfter(to) ? r.targetDate() : to;
            versions.add(r.modelVersion());
        }
        int n = group.size();
        return new AccuracySummary(key.series(), key.horizonDays(), key.algorithm(), n, abs / n,
                percents == 0 ? null : absPercent / percents, error / n, 100.0 * inside80 / n, 100.0 * inside95 / n,
                from, to, List.copyOf(versions));
    }

    /** Registry versions are numbers in the local registry and MLflow; anything else sorts after them. */
    private static long versionOrder(String version) {
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
