package io.energywatch.anomaly.detection;

import io.energywatch.anomaly.AnomalyServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code /detect} on the real NAB files of the shared datasets that repeat a timestamp (refused before the duplicates
 * policy), and on a real file shuffled within the reorder window. Skips when the datasets folder is absent.
 */
class RealExportsTest extends AnomalyServiceTest {

    private static final String DETECT = "/api/v1/anomalies/detect";

    private static Path nab() {
        String datasets = System.getProperty("energywatch.datasets");
        assumeTrue(datasets != null && Files.isDirectory(Path.of(datasets, "nab", "data")),
                "NAB corpus not found: set energywatch.datasets to the shared datasets directory");
        return Path.of(datasets, "nab", "data");
    }

    private static List<Path> files() {
        try (Stream<Path> walk = Files.walk(nab())) {
            return walk.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based line numbers of data lines whose timestamp an earlier line already had. */
    private static List<Integer> repeatedLines(List<String> lines) {
        Set<String> seen = new HashSet<>();
        List<Integer> repeated = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank() && !seen.add(lines.get(i).split(",")[0])) {
                repeated.add(i + 1);
            }
        }
        return repeated;
    }

    @Test
    void theNabFilesRepeatingATimestampAreScoredUnderEachPolicyAndRefusedOnlyUnderReject() {
        int withRepeats = 0;
        for (Path file : files()) {
            List<String> lines = lines(file);
            List<Integer> repeated = repeatedLines(lines);
            if (repeated.isEmpty()) {
                continue;
            }
            withRepeats++;
            String csv = String.join("\n", lines);
            int dataRows = (int) lines.stream().skip(1).filter(l -> !l.isBlank()).count();

            JsonNode first = api.post(DETECT + "?tz=UTC", "text/csv", "application/json", csv).json();
            assertThat(first.path("rows").asInt()).as(file.toString()).isEqualTo(dataRows - repeated.size());
            assertThat(first.path("ordering").path("duplicates").asString()).isEqualTo("first");
            assertThat(first.path("ordering").path("duplicatesDropped").asInt()).isEqualTo(repeated.size());
            assertThat(first.path("ordering").path("rowsReordered").asInt()).isZero();

            JsonNode mean = api.post(DETECT + "?tz=UTC&duplicates=mean", "text/csv", "application/json", csv).json();
            assertThat(mean.path("rows").asInt()).isEqualTo(dataRows - repeated.size());
            assertThat(mean.path("ordering").path("duplicatesMerged").asInt()).isEqualTo(repeated.size());
            // The merged row holds the mean of the repeated lines' values.
            int line = repeated.getFirst();
            double a = Double.parseDouble(lines.get(line - 2).split(",")[1]);
            double b = Double.parseDouble(lines.get(line - 1).split(",")[1]);
            String time = lines.get(line - 1).split(",")[0].replace(' ', 'T') + "Z";
            JsonNode merged = rowAt(mean, time);
            assertThat(merged.path("value").asDouble()).isCloseTo((a + b) / 2, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(rowAt(first, time).path("value").asDouble()).isEqualTo(a);
            JsonNode last = api.post(DETECT + "?tz=UTC&duplicates=last", "text/csv", "application/json", csv).json();
            assertThat(rowAt(last, time).path("value").asDouble()).isEqualTo(b);

            // A CSV answer has no ordering object: the headers say what was done.
            var headers = api.postHeaders(DETECT + "?tz=UTC&duplicates=mean", "text/csv", "text/csv", csv);
            assertThat(headers.firstValue("X-EnergyWatch-Duplicates-Merged")).hasValue(
                    Integer.toString(repeated.size()));
            assertThat(headers.firstValue("X-EnergyWatch-Duplicates-Dropped")).hasValue("0");
            assertThat(headers.firstValue("X-EnergyWatch-Rows-Reordered")).hasValue("0");

            var rejected = api.post(DETECT + "?tz=UTC&duplicates=reject", "text/csv", "application/json", csv);
            assertThat(rejected.status()).isEqualTo(400);
            assertThat(rejected.contentType()).startsWith("application/problem+json");
            JsonNode error = rejected.json().path("errors").get(0);
            assertThat(error.path("line").asInt()).isEqualTo(line);
            assertThat(error.path("field").asString()).isEqualTo("timestamp");
        }
        // exchange-2_cpc_results and exchange-2_cpm_results repeat 2011-08-24 12:00:01.
        assertThat(withRepeats).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aRealFileShuffledWithinTheWindowScoresExactlyAsTheFileInOrder() {
        Path file = files().stream().filter(p -> p.getFileName().toString().equals("exchange-3_cpc_results.csv"))
                .findFirst().orElseThrow();
        List<String> lines = new ArrayList<>(lines(file));
        String inOrder = String.join("\n", lines);
        // Swap neighbouring data lines every 50 lines, and move one line 500 lines later (within the 1,000 window).
        int swaps = 0;
        for (int i = 10; i + 1 < lines.size(); i += 50) {
            String l = lines.get(i);
            lines.set(i, lines.get(i + 1));
            lines.set(i + 1, l);
            swaps++;
        }
        lines.add(700, lines.remove(200));
        String shuffled = String.join("\n", lines);

        JsonNode expected = api.post(DETECT + "?tz=UTC", "text/csv", "application/json", inOrder).json();
        JsonNode actual = api.post(DETECT + "?tz=UTC", "text/csv", "application/json", shuffled).json();
        assertThat(actual.path("ordering").path("rowsReordered").asInt()).isEqualTo(swaps + 1);
        assertThat(actual.path("content")).isEqualTo(expected.path("content"));

        // Moved further than the window, the line is refused by its number.
        lines.add(lines.remove(20));
        var refused = api.post(DETECT + "?tz=UTC", "text/csv", "application/json", String.join("\n", lines));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("line").asInt()).isEqualTo(lines.size());
        assertThat(refused.json().path("errors").get(0).path("reason").asString()).contains("1000 rows");
    }

    private static JsonNode rowAt(JsonNode answer, String time) {
        for (JsonNode row : answer.path("content")) {
            if (row.path("timestamp").asString().equals(time)) {
                return row;
            }
        }
        throw new AssertionError("no row at " + time);
    }
}
