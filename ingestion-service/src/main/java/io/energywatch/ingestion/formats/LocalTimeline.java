package io.energywatch.ingestion.formats;

import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.QualityFlag;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Places local times of each series on the UTC line by the rules of shared/DESIGN.md and hands every outcome to the sink in
 * file order. A time inside the spring-forward gap is rejected. In the repeated autumn hour the source's order decides:
 * a local time seen again within the overlap is the second occurrence (UTC+1 in Paris); one that the series leaves the
 * overlap without repeating is the first occurrence, flagged {@link QualityFlag#DST_AMBIGUOUS}. Deciding that needs to
 * hold such records (and everything read after them, to keep the order) until the series moves past the overlap: at most
 * {@link #MAX_HELD} outcomes are held, beyond which the oldest is settled as not repeated.
 */
final class LocalTimeline {

    static final int MAX_HELD = 10_000;

    /** Where a local time landed: the interval start in UTC and the flags the placement adds. */
    record Placement(Instant start, List<QualityFlag> flags) {
    }

    /** What a record became. */
    sealed interface Outcome permits Accepted, Rejected, Absorbed {
    }

    record Accepted(EnergyWatchEvent event) implements Outcome {
    }

    record Rejected(@Nullable String field, String reason) implements Outcome {
    }

    /** A value placed and kept by the parser to emit later as part of another record (an hour's mean): no record. */
    record Absorbed() implements Outcome {
    }

    private static final class Entry {
        final long line;
        final String raw;
        @Nullable Outcome outcome;
        @Nullable Instant firstOccurrence;
        @Nullable LocalDateTime local;
        @Nullable Function<Placement, Outcome> build;
        boolean repeated;

        Entry(long line, String raw, @Nullable Outcome outcome) {
            this.line = line;
            this.raw = raw;
            this.outcome = outcome;
        }
    }

    private static final class Series {
        @Nullable Instant last;
        final List<Entry> held = new ArrayList<>(4);
    }

    private final ZoneId zone;
    private final ZoneRules rules;
    private final RecordSink sink;
    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    private final Map<String, Series> series = new HashMap<>();

    LocalTimeline(ZoneId zone, RecordSink sink) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.sink = sink;
    }

    void accept(long line, EnergyWatchEvent event, String raw) {
        enqueue(new Entry(line, raw, new Accepted(event)));
    }

    void reject(long line, @Nullable String field, String reason, String raw) {
        enqueue(new Entry(line, raw, new Rejected(field, reason)));
    }

    /**
     * Places {@code local} for {@code seriesKey} and emits what {@code build} makes of the placement (or a DST-gap rejection
     * naming {@code field}).
     */
    void at(String seriesKey, LocalDateTime local, long line, String raw, String field,
            Function<Placement, Outcome> build) {
        var offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            var gap = rules.getTransition(local);
            reject(line, field, field + " " + local + " falls in the DST gap of " + zone + ": on " + local.toLocalDate()
                    + " clocks jump from " + gap.getDateTimeBefore().toLocalTime() + " to "
                    + gap.getDateTimeAfter().toLocalTime(), raw);
            return;
        }
        var state = series.computeIfAbsent(seriesKey, k -> new Series());
        if (offsets.size() == 1) {
            settleHeld(state);
            Instant start = local.toInstant(offsets.getFirst());
            state.last = start;
            enqueue(new Entry(line, raw, build(build, new Placement(start, List.of()))));
            return;
        }
        Instant a = local.toInstant(offsets.get(0));
        Instant b = local.toInstant(offsets.get(1));
        Instant first = a.isBefore(b) ? a : b;
        Instant second = a.isBefore(b) ? b : a;
        if (state.last != null && !first.isAfter(state.last) && inOverlap(state.last, local)) {
            // The source is going through the repeated hour a second time.
            for (Entry held : state.held) {
                if (local.equals(held.local)) {
                    held.repeated = true;
                }
            }
            state.last = second;
            enqueue(new Entry(line, raw, build(build, new Placement(second, List.of()))));
            return;
        }
        var entry = new Entry(line, raw, null);
        entry.firstOccurrence = first;
        entry.local = local;
        entry.build = build;
        state.held.add(entry);
        state.last = first;
        queue.addLast(entry);
        drain();
    }

    /** End of the upload: what is still held was not repeated. */
    void finish() {
        for (Series state : series.values()) {
            settleHeld(state);
        }
        drain();
    }

    private boolean inOverlap(Instant last, LocalDateTime local) {
        ZoneOffsetTransition overlap = rules.getTransition(local);
        Duration length = overlap.getDuration().abs();
        return !last.isBefore(overlap.getInstant().minus(length)) && last.isBefore(overlap.getInstant().plus(length));
    }

    private void settleHeld(Series state) {
        for (Entry held : state.held) {
            settle(held);
        }
        state.held.clear();
    }

    private void settle(Entry held) {
        if (held.outcome == null && held.build != null && held.firstOccurrence != null) {
            var flags = held.repeated ? List.<QualityFlag>of() : List.of(QualityFlag.DST_AMBIGUOUS);
            held.outcome = build(held.build, new Placement(held.firstOccurrence, flags));
        }
    }

    private static Outcome build(Function<Placement, Outcome> build, Placement placement) {
        try {
            return build.apply(placement);
        } catch (RecordRejected e) {
            return new Rejected(e.field(), e.reason());
        } catch (IllegalArgumentException e) {
            return new Rejected(null, e.getMessage());
        }
    }

    private void enqueue(Entry entry) {
        queue.addLast(entry);
        drain();
    }

    private void drain() {
        while (!queue.isEmpty()) {
            Entry head = queue.peekFirst();
            if (head.outcome == null) {
                if (queue.size() <= MAX_HELD) {
                    return;
                }
                settle(head);
            }
            queue.removeFirst();
            switch (head.outcome) {
                case Accepted(EnergyWatchEvent event) -> sink.accept(head.line, event);
                case Rejected(String field, String reason) -> sink.reject(head.line, field, reason, Raw.cut(head.raw));
                case Absorbed() -> {
                }
                case null -> throw new IllegalStateException("unsettled record of line " + head.line);
            }
        }
    }
}
