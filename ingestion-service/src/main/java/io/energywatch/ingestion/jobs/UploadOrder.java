package io.energywatch.ingestion.jobs;

import io.energywatch.service.web.DuplicatePolicy;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.EventJson;
import io.energywatch.contracts.QualityFlag;
import io.energywatch.ingestion.formats.RecordSink;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Puts an upload's consumption records in time order per series before they are committed, so the streaming detector
 * downstream scores each series forward, and resolves records sharing a series and interval start under the upload's
 * {@link DuplicatePolicy}. Up to {@code window} records are held and released earliest first; records of one key that
 * meet while held are resolved together. A record not after what its series already released cannot be placed without
 * changing what was published: a repeat of a released record is dropped as a duplicate under {@code first} and
 * rejected otherwise (under {@code last} and {@code mean} because the record it would replace is published); any
 * other such record is late: accepted and published out of order, counted. Rejections name the line and
 * {@code intervalStart}. Rejections of the parser
 * and other record types pass straight through. Memory: the window, and per series one bit per interval of the span
 * it released (a ten-year half-hourly series: 22 KB).
 */
final class UploadOrder implements RecordSink {

    static final String FIELD = "intervalStart";

    private final RecordSink out;
    private final DuplicatePolicy policy;
    private final int window;
    private final PriorityQueue<Group> held = new PriorityQueue<>(
            Comparator.comparing((Group g) -> g.start).thenComparingLong(g -> g.sequence));
    private final Map<String, Group> heldByKey = new HashMap<>();
    private final Map<String, Series> series = new HashMap<>();
    private int heldRecords;
    private long sequence;
    private long dropped;
    private long merged;
    private long duplicatesRejected;
    private long reordered;
    private long late;

    /** The records of one series and interval start met while held, in the order read. */
    private static final class Group {
        final String seriesId;
        final Instant start;
        final long sequence;
        final List<Read> reads = new ArrayList<>(2);

        Group(String seriesId, Instant start, long sequence) {
            this.seriesId = seriesId;
            this.start = start;
            this.sequence = sequence;
        }
    }

    private record Read(long line, ConsumptionMeasured record) {
    }

    /**
     * What a series has read and released so far. Released starts are bits on the series' interval grid from its first
     * released start, so a record behind the window is told a repeat from a late record without keeping the records.
     */
    private static final class Series {
        /** Beyond this many intervals from the first released start a record is not tracked (and counts as late). */
        private static final long MAX_SLOTS = 1L << 26;

        @Nullable Instant latestRead;
        @Nullable Instant released;
        long releasedLine;
        private long origin;
        private long step;
        private final BitSet slots = new BitSet();

        void release(ConsumptionMeasured record, long line) {
            Instant start = record.intervalStart();
            if (released == null) {
                origin = start.getEpochSecond();
                step = Math.max(1, Duration.between(start, record.intervalEnd()).toSeconds());
            }
            released = start;
            releasedLine = line;
            markPublished(start);
        }

        /** Remembers a start as published; a late record's does not move the series' time back. */
        void markPublished(Instant start) {
            long slot = slot(start);
            if (slot >= 0) {
                slots.set((int) slot);
            }
        }

        boolean wasReleased(Instant start) {
            long slot = slot(start);
            return slot >= 0 && slots.get((int) slot);
        }

        /** The start's interval on the grid, or -1 when it is off the grid or out of the tracked span. */
        private long slot(Instant start) {
            long offset = start.getEpochSecond() - origin;
            if (released == null || offset < 0 || offset % step != 0 || offset / step >= MAX_SLOTS) {
                return -1;
            }
            return offset / step;
        }
    }

    UploadOrder(RecordSink out, DuplicatePolicy policy, int window) {
        this.out = out;
        this.policy = policy;
        this.window = window;
    }

    @Override
    public void accept(long line, EnergyWatchEvent event) {
        if (!(event instanceof ConsumptionMeasured record)) {
            out.accept(line, event);
            return;
        }
        Series state = series.computeIfAbsent(record.seriesId(), k -> new Series());
        Instant start = record.intervalStart();
        if (state.released != null && !start.isAfter(state.released)) {
            late(line, record, state);
            return;
        }
        Group group = heldByKey.get(record.eventId());
        if (group == null) {
            if (state.latestRead != null && start.isBefore(state.latestRead)) {
                reordered++;
            }
            group = new Group(record.seriesId(), start, sequence++);
            heldByKey.put(record.eventId(), group);
            held.add(group);
        }
        group.reads.add(new Read(line, record));
        if (state.latestRead == null || start.isAfter(state.latestRead)) {
            state.latestRead = start;
        }
        if (++heldRecords > window) {
            release(held.remove());
        }
    }

    @Override
    public void reject(long line, @Nullable String field, String reason, String raw) {
        out.reject(line, field, reason, raw);
    }

    @Override
    public void progress(long bytesRead) {
        out.progress(bytesRead);
    }

    /** End of the input: releases what is held, earliest first. */
    void finish() {
        while (!held.isEmpty()) {
            release(held.remove());
        }
    }

    /** What was done, for the job's report. */
    UploadOrdering report(boolean newestFirst) {
        return new UploadOrdering(policy.label(), window, newestFirst, dropped, merged, duplicatesRejected,
                reordered, late);
    }

    private void release(Group group) {
        heldByKey.remove(group.reads.getFirst().record().eventId());
        heldRecords -= group.reads.size();
        List<Read> reads = group.reads;
        // File order: a newest-first file is read from its end, so the order read is not always the file's.
        reads.sort(Comparator.comparingLong(Read::line));
        Read kept = switch (policy) {
            case LAST -> reads.getLast();
            case FIRST, MEAN, REJECT -> reads.getFirst();
        };
        series.get(group.seriesId).release(kept.record(), kept.line());
        for (Read read : reads) {
            if (read == kept) {
                out.accept(read.line(), policy == DuplicatePolicy.MEAN && reads.size() > 1 ? mean(reads) : read.record());
            } else if (policy == DuplicatePolicy.REJECT) {
                duplicatesRejected++;
                reject(read, "repeats " + group.seriesId + " at " + group.start + " of line " + kept.line()
                        + "; duplicates=reject refuses repeated records (first, last or mean accept them)");
            } else {
                if (policy == DuplicatePolicy.MEAN) {
                    merged++;
                } else {
                    dropped++;
                }
                out.duplicate(read.line(), read.record());
            }
        }
    }

    private void late(long line, ConsumptionMeasured record, Series state) {
        Instant start = record.intervalStart();
        boolean repeat = state.wasReleased(start);
        String published = start.equals(state.released) ? " of line " + state.releasedLine
                : ", published earlier in this upload";
        if (repeat && policy == DuplicatePolicy.FIRST) {
            // The first record of this key went out already: this one is the duplicate, as on a re-upload.
            dropped++;
            out.duplicate(line, record);
            return;
        }
        if (repeat && policy == DuplicatePolicy.REJECT) {
            duplicatesRejected++;
            reject(new Read(line, record), "repeats " + record.seriesId() + " at " + start + published
                    + "; duplicates=reject refuses repeated records (first, last or mean accept them)");
            return;
        }
        if (repeat) {
            // A published record is never replaced: last and mean cannot apply this far apart.
            duplicatesRejected++;
            reject(new Read(line, record), "repeats " + record.seriesId() + " at " + start + published
                    + ", more than " + window + " records earlier: duplicates=" + policy.label()
                    + " resolves repeats only within " + window + " records of each other, and a published record"
                    + " is never replaced");
            return;
        }
        // Older than what its series already published: accepted and published out of order rather than lost (a
        // shuffled export would otherwise lose most of its rows); the streaming detector passes over it, the stores,
        // the enriched index and the forecasts keep it.
        late++;
        state.markPublished(start);
        out.accept(line, record);
    }

    private void reject(Read read, String reason) {
        // The line's text is no longer at hand: the dead letter carries the record as read.
        out.reject(read.line(), FIELD, reason, EventJson.MAPPER.writeValueAsString(read.record()));
    }

    /** One record holding the mean of the group's values; all missing stays missing. */
    private static ConsumptionMeasured mean(List<Read> reads) {
        ConsumptionMeasured first = reads.getFirst().record();
        double value = 0;
        double power = 0;
        double energy = 0;
        int n = 0;
        for (Read read : reads) {
            ConsumptionMeasured r = read.record();
            if (r.value() != null && r.powerMw() != null && r.energyMwh() != null) {
                value += r.value();
                power += r.powerMw();
                energy += r.energyMwh();
                n++;
            }
        }
        if (n == 0) {
            return first;
        }
        List<QualityFlag> flags = new ArrayList<>(first.flags());
        flags.remove(QualityFlag.MISSING);
        if (!flags.contains(QualityFlag.DERIVED)) {
            flags.add(QualityFlag.DERIVED);
        }
        return new ConsumptionMeasured(first.eventId(), first.seriesId(), first.carrier(), first.area(),
                first.regionCode(), first.source(), first.resolution(), first.intervalStart(), first.intervalEnd(),
                value / n, first.unit(), power / n, energy / n, first.quality(), flags, first.lineage());
    }
}
