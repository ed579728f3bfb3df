package io.energywatch.ingestion.jobs;

import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.ingestion.formats.ParseContext;
import io.energywatch.ingestion.formats.RecordSink;
import io.energywatch.ingestion.formats.SourceParser;
import io.energywatch.ingestion.formats.UnreadableUploadException;
import org.jspecify.annotations.Nullable;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Tells whether an upload lists its series newest first (the national ODRÉ export does), from its first records: more
 * steps of a series back in time than forward. Such a file is then read from its last line up, so the records go out
 * oldest first; a file that only has some rows out of place is left to the reorder window.
 */
final class NewestFirstProbe {

    private NewestFirstProbe() {
    }

    /** Stops the parser once enough records are seen; routine, so without a stack trace. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }

    static boolean newestFirst(SourceParser parser, Path file, ParseContext context, int records) throws IOException {
        Map<String, Instant> last = new HashMap<>();
        long[] steps = new long[2];
        RecordSink probe = new RecordSink() {
            private int seen;

            @Override
            public void accept(long line, EnergyWatchEvent event) {
                if (event instanceof ConsumptionMeasured m) {
                    Instant before = last.put(m.seriesId(), m.intervalStart());
                    if (before != null && !before.equals(m.intervalStart())) {
                        steps[before.isBefore(m.intervalStart()) ? 0 : 1]++;
                    }
                }
                counted();
            }

            @Override
            public void reject(long line, @Nullable String field, String reason, String raw) {
                counted();
            }

            private void counted() {
                if (++seen >= records) {
                    throw new Enough();
                }
            }
        };
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            parser.parse(in, context, probe);
        } catch (Enough enough) {
            // the first records told enough
        } catch (UnreadableUploadException e) {
            // The job's own read reports it.
            return false;
        }
        return steps[1] > steps[0];
    }
}
