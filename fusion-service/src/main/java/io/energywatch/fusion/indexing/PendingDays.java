package io.energywatch.fusion.indexing;

import org.springframework.kafka.support.Acknowledgment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The days whose daily documents are still to be recomputed, and the acknowledgements of the indexed batches that
 * touched them. A batch's offsets are committed only once its days are recomputed, so a crash in between redelivers
 * the batch (indexing is idempotent) and its days are recomputed then: nothing is ever left stale.
 */
final class PendingDays {

    /** A series and the local days of it that batches touched. */
    record SeriesDays(DailyAggregator.SeriesFacts facts, LocalDate from, LocalDate to) {

        SeriesDays widen(LocalDate day) {
            return new SeriesDays(facts, day.isBefore(from) ? day : from, day.isAfter(to) ? day : to);
        }
    }

    /** Series whose days span the same range: recomputed by one query. */
    record Range(LocalDate from, LocalDate to) {
    }

    private final Map<String, SeriesDays> series = new LinkedHashMap<>();
    private final List<Acknowledgment> acknowledgements = new ArrayList<>();
    private Instant oldest;

    /** Adds a day of a series that an indexed batch touched. */
    void touch(DailyAggregator.SeriesFacts facts, LocalDate day) {
        series.merge(facts.seriesId(), new SeriesDays(facts, day, day), (known, added) -> known.widen(day));
    }

    /** Adds a batch whose documents are indexed and whose days were touched; {@code now} starts the wait if first. */
    void indexed(Acknowledgment acknowledgment, Instant now) {
        acknowledgements.add(acknowledgment);
        if (oldest == null) {
            oldest = now;
        }
    }

    boolean isEmpty() {
        return acknowledgements.isEmpty() && series.isEmpty();
    }

    /** True once the oldest pending batch has waited {@code delay}. */
    boolean due(Instant now, Duration delay) {
        return oldest != null && !now.isBefore(oldest.plus(delay));
    }

    /** The pending series grouped by the range of days to recompute. */
    Map<Range, List<DailyAggregator.SeriesFacts>> byRange() {
        Map<Range, List<DailyAggregator.SeriesFacts>> ranges = new LinkedHashMap<>();
        for (SeriesDays s : series.values()) {
            ranges.computeIfAbsent(new Range(s.from(), s.to()), r -> new ArrayList<>()).add(s.facts());
        }
        return ranges;
    }

    /** The days are recomputed: commits the batches' offsets, in the order they were indexed, and starts afresh. */
    void recomputed() {
        acknowledgements.forEach(Acknowledgment::acknowledge);
        acknowledgements.clear();
        series.clear();
        oldest = null;
    }
}
