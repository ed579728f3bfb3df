package io.energywatch.ingestion.jobs;

import io.energywatch.ingestion.formats.ParseContext;
import io.energywatch.ingestion.formats.RecordSink;
import io.energywatch.ingestion.formats.SourceFormat;
import io.energywatch.ingestion.formats.SourceParsers;
import org.springframework.stereotype.Component;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

/** Reads an uploaded or polled file from the spool with the parser of its format. */
@Component
class UploadSource implements JobSource {

    private final SourceParsers parsers;

    UploadSource(SourceParsers parsers) {
        this.parsers = parsers;
    }

    @Override
    public boolean handles(IngestionJob job) {
        return job.spoolFile() != null;
    }

    @Override
    public void read(IngestionJob job, RecordSink sink) throws IOException {
        SourceFormat format = SourceFormat.fromCode(job.format());
        ZoneId zone = job.tz() == null ? ParseContext.PARIS : ZoneId.of(job.tz());
        var context = new ParseContext(job.origin(), job.id(), job.createdAt(), zone, job.mapping());
        try (InputStream in = new ProgressStream(new BufferedInputStream(Files.newInputStream(Path.of(job.spoolFile())),
                1 << 16), sink)) {
            parsers.forFormat(format).parse(in, context, sink);
        }
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
