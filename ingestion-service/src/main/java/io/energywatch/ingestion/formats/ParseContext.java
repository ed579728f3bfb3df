package io.energywatch.ingestion.formats;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What a parser needs besides the bytes.
 *
 * @param origin     file name or poller id, written into each record's lineage
 * @param jobId      the ingestion job, written into each record's lineage
 * @param ingestedAt the job's acceptance time, written into each record's lineage
 * @param zone       zone of timestamps without an offset: Europe/Paris unless the request gives {@code tz}
 * @param mapping    column mapping for the generic CSV and JSON formats; {@code null} for the known sources
 * @param linesFromTheEnd 0 when the stream is the file as it is; otherwise the file's line count, and the stream is its
 *                   header line followed by its other lines from the last up (a newest-first file read oldest first)
 */
public record ParseContext(String origin, String jobId, Instant ingestedAt, ZoneId zone,
                           @Nullable ColumnMapping mapping, long linesFromTheEnd) {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    public ParseContext(String origin, String jobId, Instant ingestedAt, ZoneId zone, @Nullable ColumnMapping mapping) {
        this(origin, jobId, ingestedAt, zone, mapping, 0);
    }

    /** This context for the file's lines read from the last up, the file having {@code lines} lines. */
    public ParseContext fromTheEnd(long lines) {
        return new ParseContext(origin, jobId, ingestedAt, zone, mapping, lines);
    }

    /** The file's line number of the {@code read}-th line of the stream. */
    public long sourceLine(long read) {
        return linesFromTheEnd == 0 || read == 1 ? read : linesFromTheEnd - read + 2;
    }
}
