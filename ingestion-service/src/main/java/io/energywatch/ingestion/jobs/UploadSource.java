package io.energywatch.ingestion.jobs;

import io.energywatch.ingestion.config.IngestionProperties;
import io.energywatch.ingestion.formats.IngestionKind;
import io.energywatch.ingestion.formats.ParseContext;
import io.energywatch.ingestion.formats.RecordSink;
import io.energywatch.ingestion.formats.SourceFormat;
import io.energywatch.ingestion.formats.SourceParser;
import io.energywatch.ingestion.formats.SourceParsers;
import org.springframework.stereotype.Component;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Reads an uploaded or polled file from the spool with the parser of its format. An upload's consumption records go
 * through {@link UploadOrder} (time order per series, the duplicates policy); a line-based file that lists its series
 * newest first is read from its last line up ({@link NewestFirstProbe}, {@link ReversedLines}). What the ordering did
 * is recorded in the job before it ends.
 */
@Component
class UploadSource implements JobSource {

    private final SourceParsers parsers;
    private final JobRepository jobs;
    private final IngestionProperties properties;

    UploadSource(SourceParsers parsers, JobRepository jobs, IngestionProperties properties) {
        this.parsers = parsers;
        this.jobs = jobs;
        this.properties = properties;
    }

    @Override
    public boolean handles(IngestionJob job) {
        return job.spoolFile() != null;
    }

    @Override
    public void read(IngestionJob job, RecordSink sink) throws IOException {
        SourceFormat format = SourceFormat.fromCode(job.format());
        SourceParser parser = parsers.forFormat(format);
        ZoneId zone = job.tz() == null ? ParseContext.PARIS : ZoneId.of(job.tz());
        var context = new ParseContext(job.origin(), job.id(), job.createdAt(), zone, job.mapping());
        Path spool = Path.of(job.spoolFile());
        UploadOrdering requested = job.ordering();
        if (requested == null) {
            // A job queued before uploads were ordered resumes as it started: in file order.
            try (InputStream in = withProgress(Files.newInputStream(spool), sink)) {
                parser.parse(in, context, sink);
            }
            return;
        }
        boolean newestFirst = parser.lineBased() && IngestionKind.CONSUMPTION.code().equals(job.kind())
                && NewestFirstProbe.newestFirst(parser, spool, context, properties.order().probeRecords());
        var order = new UploadOrder(sink, requested.policy(), requested.reorderWindow());
        if (newestFirst) {
            try (ReversedLines lines = ReversedLines.open(spool); InputStream in = withProgress(lines, sink)) {
                parser.parse(in, context.fromTheEnd(lines.lines()), order);
            }
        } else {
            try (InputStream in = withProgress(Files.newInputStream(spool), sink)) {
                parser.parse(in, context, order);
            }
        }
        order.finish();
        jobs.ordering(job.id(), order.report(newestFirst));
    }

    private static InputStream withProgress(InputStream raw, RecordSink sink) {
        return new ProgressStream(new BufferedInputStream(raw, 1 << 16), sink);
    }

    /** Reports bytes consumed to the sink, for the job's progress. */
    private static final class ProgressStream extends FilterInputStream {
        private final RecordSink sink;
        private long count;

        ProgressStream(InputStream in, RecordSink sink) {
            super(in);
            this.sink = sink;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                sink.progress(++count);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                sink.progress(count);
            }
            return n;
        }
    }
}
