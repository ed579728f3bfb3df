package io.energywatch.ingestion.formats;

import io.energywatch.contracts.GridCarbonIntensityMeasured;
import io.energywatch.contracts.Lineage;
import io.energywatch.contracts.QualityStatus;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The measured carbon intensity values of an upload, averaged per area and UTC hour. Every value of an hour is known
 * only once the whole upload is read (ODRÉ exports are not always in time order), so the hours are emitted at the end,
 * a year of a national file being 8,760 small entries. Paris offsets are whole hours: a UTC hour is a local hour.
 */
final class HourlyIntensity {

    private record Key(String area, Instant hourStart) {
    }

    private static final class Hour {
        double sum;
        int samples;
        QualityStatus quality;
        long lastLine;

        Hour(QualityStatus quality) {
            this.quality = quality;
        }
    }

    private final String source;
    private final Map<Key, Hour> hours = new HashMap<>();
    private long lastLine;

    HourlyIntensity(String source) {
        this.source = source;
    }

    /** One value of the interval that starts at {@code start}. */
    void add(String area, Instant start, double gPerKwh, QualityStatus quality, long line) {
        var hour = hours.computeIfAbsent(new Key(area, start.truncatedTo(ChronoUnit.HOURS)), k -> new Hour(quality));
        hour.sum += gPerKwh;
        hour.samples++;
        // The hour is as final as its least final value (QualityStatus runs from the most final down).
        if (quality.ordinal() > hour.quality.ordinal()) {
            hour.quality = quality;
        }
        hour.lastLine = Math.max(hour.lastLine, line);
        lastLine = Math.max(lastLine, line);
    }

    /** The line the hours are emitted at: the last line that carried a value. */
    long lastLine() {
        return lastLine;
    }

    /** One record per area and hour, in time order. */
    List<GridCarbonIntensityMeasured> hours(ParseContext context) {
        return hours.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Key, Hour> e) -> e.getKey().hourStart())
                        .thenComparing(e -> e.getKey().area()))
                .map(e -> {
                    Hour h = e.getValue();
                    return new GridCarbonIntensityMeasured(null, e.getKey().area(), e.getKey().hourStart(),
                            h.sum / h.samples, h.samples, h.quality, source,
                            new Lineage(context.origin(), context.jobId(), h.lastLine, context.ingestedAt()));
                })
                .toList();
    }
}
