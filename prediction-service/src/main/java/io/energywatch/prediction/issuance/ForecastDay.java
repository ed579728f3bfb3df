package io.energywatch.prediction.issuance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What was forecast for one target day, beside what it turned out to be: the step of the freshest issued forecast
 * covering the day (the latest base day, then the latest issue), its intervals, and its actual once scored. A chart
 * puts these beside the measured series; {@code start}/{@code end} bound the Europe/Paris day (23, 24 or 25 hours), so
 * a reader can turn the day's energy into its mean power without a time-zone library.
 *
 * @param actualMwh the day's energy when the step was scored; null before that
 * @param errorMwh  actual − forecast, as in the accuracy records; null before scoring
 * @param inside80  the actual inside the 80 % interval (bounds inclusive); null before scoring
 * @param inside95  the actual inside the 95 % interval; null before scoring
 */
public record ForecastDay(LocalDate date, Instant start, Instant end, int leadDays, String forecastId,
                          String algorithm, String modelVersion, Instant issuedAt, double energyMwh, double lower80Mwh,
                          double upper80Mwh, double lower95Mwh, double upper95Mwh, @Nullable Double actualMwh,
                          @Nullable Double errorMwh, @Nullable Boolean inside80, @Nullable Boolean inside95) {

    /**
     * One day per target day from {@code from} to {@code to} (either open when null) that some forecast covers, in
     * date order: the step of the forecast with the latest base day, then the latest issue (a new champion issuing
     * again from the same base day replaces the older one); {@code scored} are accuracy records by id.
     */
    static List<ForecastDay> freshest(List<IssuedForecast> forecasts, Map<String, AccuracyRecord> scored,
                                      @Nullable LocalDate from, @Nullable LocalDate to, ZoneId zone) {
        record Candidate(IssuedForecast forecast, IssuedForecast.Step step) {
        }
        Comparator<Candidate> fresher = Comparator.comparing((Candidate c) -> c.forecast().baseDay())
                .thenComparing(c -> c.forecast().issuedAt()).thenComparing(c -> c.forecast().id());
        var byDay = new TreeMap<LocalDate, Candidate>();
        for (IssuedForecast f : forecasts) {
            for (IssuedForecast.Step s : f.steps()) {
                if ((from != null && s.date().isBefore(from)) || (to != null && s.date().isAfter(to))) {
                    continue;
                }
                var candidate = new Candidate(f, s);
                byDay.merge(s.date(), candidate, (a, b) -> fresher.compare(a, b) >= 0 ? a : b);
            }
        }
        var out = new ArrayList<ForecastDay>(byDay.size());
        byDay.forEach((date, c) -> {
            IssuedForecast.Step s = c.step();
            AccuracyRecord actual = scored.get(AccuracyRecord.idOf(c.forecast().id(), date));
            out.add(new ForecastDay(date, date.atStartOfDay(zone).toInstant(),
                    date.plusDays(1).atStartOfDay(zone).toInstant(), s.leadDays(), c.forecast().id(),
                    c.forecast().algorithm(), c.forecast().modelVersion(), c.forecast().issuedAt(), s.energyMwh(),
                    s.lower80Mwh(), s.upper80Mwh(), s.lower95Mwh(), s.upper95Mwh(),
                    actual == null ? null : actual.actualMwh(), actual == null ? null : actual.errorMwh(),
                    actual == null ? null : actual.inside80(), actual == null ? null : actual.inside95()));
        });
        return out;
    }
}
