package io.energywatch.ingestion.formats;

import io.energywatch.contracts.Lineage;
import io.energywatch.service.csv.CsvLines;
import io.energywatch.service.csv.Delimited;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The streaming loop every delimited source shares: header, column count, over-long lines, progress and the ordered
 * emission through {@link LocalTimeline}. A subclass reads the header once ({@link #begin}) and then one row at a time.
 * A line that cannot be read as a whole (column count, date, region) is one rejection, however many records it held.
 */
abstract class CsvParser implements SourceParser {

    private static final int PROGRESS_EVERY_LINES = 8_192;

    /** The per-upload reading of one format: holds what the header told and any per-file state. */
    interface Reading {
        void read(Row row);

        default void finish() {
        }
    }

    /** The delimiter of this format, or of this upload once its header line is known. */
    abstract char delimiter(String headerLine, ParseContext context);

    abstract Reading begin(Header header, ParseContext context, LocalTimeline out);

    Charset charset(BufferedInputStream in) throws IOException {
        return StandardCharsets.UTF_8;
    }

    /** A line that is part of the format but carries no record (éCO2mix's trailing disclaimer). */
    boolean isTrailer(String line) {
        return false;
    }

    @Override
    public boolean lineBased() {
        return true;
    }

    @Override
    public void parse(InputStream in, ParseContext context, RecordSink sink) throws IOException {
        var buffered = new BufferedInputStream(in, 1 << 16);
        var lines = new CsvLines(buffered, charset(buffered));
        var first = lines.next();
        if (first == null || first.text().isBlank()) {
            throw new UnreadableUploadException("the upload is empty: no header line");
        }
        if (first.overLong()) {
            throw new UnreadableUploadException("the header line is longer than " + CsvLines.MAX_LINE_CHARS
                    + " characters: this is not a " + format().code() + " file");
        }
        char delimiter = delimiter(first.text(), context);
        var cellsOf = Delimited.by(delimiter);
        var header = Header.of(cellsOf.split(first.text()), delimiter);
        var out = new LocalTimeline(context.zone(), sink);
        var reading = begin(header, context, out);
        CsvLines.Line line;
        while ((line = lines.next()) != null) {
            long n = context.sourceLine(line.number());
            if (line.number() % PROGRESS_EVERY_LINES == 0) {
                sink.progress(lines.bytesRead());
            }
            if (line.overLong()) {
                out.reject(n, null, "line " + n + " is longer than " + CsvLines.MAX_LINE_CHARS
                        + " characters and was not read", line.text());
                continue;
            }
            String text = line.text();
            if (text.isBlank() || isTrailer(text)) {
                continue;
            }
            String[] cells;
            try {
                cells = cellsOf.split(text);
            } catch (IllegalArgumentException e) {
                out.reject(n, null, "line " + n + ": " + e.getMessage(), text);
                continue;
            }
            if (cells.length != header.size()) {
                out.reject(n, null, "line " + n + " has " + cells.length + " columns where the header has "
                        + header.size() + " (a truncated or malformed line)", text);
                continue;
            }
            try {
                reading.read(new Row(n, text, cells, header));
            } catch (RecordRejected e) {
                out.reject(n, e.field(), e.reason(), text);
            } catch (IllegalArgumentException e) {
                // A contract's own validation (an id or a range it refuses) rejects the line it was built from.
                out.reject(n, null, e.getMessage(), text);
            }
        }
        reading.finish();
        out.finish();
        sink.progress(lines.bytesRead());
    }

    static Lineage lineage(ParseContext context, long line) {
        return new Lineage(context.origin(), context.jobId(), line, context.ingestedAt());
    }
}
