package io.energywatch.anomaly.detection;

import io.energywatch.service.web.DuplicatePolicy;
import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Puts uploaded rows into the strictly increasing time the causal detector needs, under a stated policy. A row earlier
 * than a row before it is moved into place when every row it must pass lies within {@code window} rows before it (an
 * export written by several threads, a late correction); a row later than that is refused naming its line, since
 * sorting a whole file would hide a broken export. Rows sharing a timestamp are resolved by the
 * {@link DuplicatePolicy}; {@code reject} keeps the strict order and names the first offending line.
 */
final class SeriesOrder {

    /**
     * What was done, for the answer.
     *
     * @param duplicates        the policy applied
     * @param duplicatesDropped rows dropped because an earlier ({@code first}) or later ({@code last}) row had their
     *                          timestamp
     * @param duplicatesMerged  rows folded into the mean of their timestamp's rows ({@code mean}); the merged row
     *                          counts once in the answer
     * @param rowsReordered     rows that came after a later row in the upload and were moved into place
     * @param reorderWindow     how many rows back a row may be moved
     */
    record Report(String duplicates, int duplicatesDropped, int duplicatesMerged, int rowsReordered,
                  int reorderWindow) {
    }

    /** The rows in strictly increasing time and what was done to get them. */
    record Ordered(List<UploadedRow> rows, Report report) {
    }

    private SeriesOrder() {
    }

    static Ordered apply(List<UploadedRow> rows, DuplicatePolicy policy, int window) {
        if (policy == DuplicatePolicy.REJECT) {
            return new Ordered(strict(rows), new Report(policy.label(), 0, 0, 0, window));
        }
        int reordered = reorderedWithin(rows, window);
        List<UploadedRow> sorted = new ArrayList<>(rows);
        // Stable on (time, line): rows sharing a timestamp stay in file order for first and last.
        sorted.sort(Comparator.comparing(UploadedRow::timestamp).thenComparingLong(UploadedRow::line));
        List<UploadedRow> out = new ArrayList<>(sorted.size());
        int dropped = 0;
        int merged = 0;
        for (int start = 0; start < sorted.size(); ) {
            int end = start + 1;
            while (end < sorted.size() && sorted.get(end).timestamp().equals(sorted.get(start).timestamp())) {
                end++;
            }
            List<UploadedRow> group = sorted.subList(start, end);
            if (group.size() == 1) {
                out.add(group.getFirst());
            } else {
                switch (policy) {
                    case FIRST -> out.add(group.getFirst());
                    case LAST -> out.add(group.getLast());
                    case MEAN -> out.add(mean(group));
                    case REJECT -> throw new IllegalStateException("reject is strict");
                }
                if (policy == DuplicatePolicy.MEAN) {
                    merged += group.size() - 1;
                } else {
                    dropped += group.size() - 1;
                }
            }
            start = end;
        }
        return new Ordered(out, new Report(policy.label(), dropped, merged, reordered, window));
    }

    /** Counts the rows that must move back, and refuses the first that must move further than {@code window}. */
    private static int reorderedWithin(List<UploadedRow> rows, int window) {
        int reordered = 0;
        Instant latest = null;
        // prefixLatest[i] = the latest time among rows 0..i, to find what lies beyond the window in O(n).
        Instant[] prefixLatest = new Instant[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            UploadedRow row = rows.get(i);
            if (latest != null && row.timestamp().isBefore(latest)) {
                reordered++;
                int outside = i - window - 1;
                if (outside >= 0 && row.timestamp().isBefore(prefixLatest[outside])) {
                    UploadedRow blocking = firstAfter(rows, row.timestamp(), outside);
                    throw ProblemException.badRequest("invalid-rows", "line " + row.line()
                                    + " is further out of order than the reorder window of " + window + " rows",
                            List.of(ProblemError.line(row.line(), "timestamp", row.timestamp() + " is before line "
                                    + blocking.line() + "'s " + blocking.timestamp() + ", more than " + window
                                    + " rows earlier; rows are sorted only within " + window + " rows")));
                }
            }
            latest = latest == null || row.timestamp().isAfter(latest) ? row.timestamp() : latest;
            prefixLatest[i] = latest;
        }
        return reordered;
    }

    private static UploadedRow firstAfter(List<UploadedRow> rows, Instant time, int upTo) {
        for (int j = 0; j <= upTo; j++) {
            if (rows.get(j).timestamp().isAfter(time)) {
                return rows.get(j);
            }
        }
        throw new IllegalStateException("no row after " + time + " up to index " + upTo);
    }

    private static UploadedRow mean(List<UploadedRow> group) {
        double sum = 0;
        int n = 0;
        for (UploadedRow r : group) {
            if (r.value() != null) {
                sum += r.value();
                n++;
            }
        }
        // Missing values do not pull the mean to zero; a timestamp whose rows are all missing stays missing.
        return new UploadedRow(group.getFirst().line(), group.getFirst().timestamp(), n == 0 ? null : sum / n);
    }

    private static List<UploadedRow> strict(List<UploadedRow> rows) {
        for (int i = 1; i < rows.size(); i++) {
            UploadedRow previous = rows.get(i - 1);
            UploadedRow row = rows.get(i);
            if (!row.timestamp().isAfter(previous.timestamp())) {
                String what = row.timestamp().equals(previous.timestamp()) ? "repeats" : "is before";
                throw ProblemException.badRequest("invalid-rows", "line " + row.line()
                                + " is not after the row before it and duplicates=reject keeps rows in strictly"
                                + " increasing time",
                        List.of(ProblemError.line(row.line(), "timestamp", row.timestamp() + " " + what + " line "
                                + previous.line() + "'s " + previous.timestamp()
                                + "; choose duplicates=first, last or mean to accept it")));
            }
        }
        return rows;
    }
}
