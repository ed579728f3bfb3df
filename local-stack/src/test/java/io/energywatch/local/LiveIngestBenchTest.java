package io.energywatch.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The live bench reads the isolated ingestion bench's rate from the table that bench prints. */
class LiveIngestBenchTest {

    @TempDir
    Path temp;

    @Test
    void theIsolatedRateIsTheIngestionLinesFirstNumber() throws IOException {
        Path output = temp.resolve("isolated.txt");
        Files.writeString(output, "ODRÉ file x.csv: 289,281 records; 1 warm-up round, then 3 measured rounds\n\n"
                + String.format(Locale.ROOT, "%-44s %12s %16s   %s%n", "measure (median of rounds)", "records/s",
                        "CPU µs/record", "rounds, records/s")
                + String.format(Locale.ROOT, "%-44s %,12.0f %16.1f   %s%n", "raw Kafka produce (acks=all, idempotent)",
                        180_000.0, 9.5, "[1, 2]")
                + String.format(Locale.ROOT, "%-44s %,12.0f %16.1f   %s%n", "ingestion: upload to acknowledged in both",
                        23_456.0, 80.2, "[23,000, 23,456, 24,000]"));

        assertThat(LiveIngestBench.isolatedRate(output)).hasValue(23_456.0);
    }

    @Test
    void noIsolatedOutputMeansNoBaseline() {
        assertThat(LiveIngestBench.isolatedRate(temp.resolve("absent.txt"))).isEmpty();
    }
}
