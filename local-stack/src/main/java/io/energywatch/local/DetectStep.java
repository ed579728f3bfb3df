package io.energywatch.local;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The demo's "score a series of your own" step: the NAB ad-exchange series (real click and impression costs, with
 * NAB's labelled anomaly windows) uploaded to {@code POST /api/v1/anomalies/detect} through the gateway, once with the
 * default detector ({@code cad}: CAD OSE over the upload's own range) and once with {@code detector=streaming} (the
 * stream's causal residual detector; docs/evaluation.md, "CAD OSE over the series' own range"). Per file and
 * detector: rows, anomalous rows, labelled windows with an
 * anomalous row inside, anomalous rows outside every window, and the call's time. NAB's score itself is
 * {@code bench/run detect-eval}'s; this shows what a user sees for one upload. Skipped with the reason when the
 * datasets folder has no NAB files.
 */
final class DetectStep implements DemoStep {

    private static final String MODULE = "anomaly-service";
    private static final String CATEGORY = "realAdExchange";
    private static final List<String> DETECTORS = List.of("cad", "streaming");
    private static final DateTimeFormatter NAB_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

    private final Path nab;
    private final DemoContext context;

    /** {@code nab}: the datasets folder's {@code nab} directory (data/ and combined_windows.json). */
    DetectStep(Path nab, DemoContext context) {
        this.nab = nab;
        this.context = context;
    }

    @Override
    public String name() {
        return "detect";
    }

    @Override
    public List<StepResult> run() {
        var unavailable = context.services().unavailable(MODULE);
        if (unavailable.isPresent()) {
            return List.of(new StepResult(name(), StepResult.Outcome.SKIPPED, MODULE, unavailable.get()));
        }
        Path windowsFile = nab.resolve("combined_windows.json");
        Path folder = nab.resolve("data").resolve(CATEGORY);
        if (!Files.isRegularFile(windowsFile) || !Files.isDirectory(folder)) {
            context.out().println("No NAB files in " + nab + ": this step scores the public NAB series of the"
                    + " datasets folder (../shared/datasets beside the checkout)");
            return List.of(new StepResult(name(), StepResult.Outcome.SKIPPED, "NAB " + CATEGORY,
                    "no NAB files in the datasets folder"));
        }
        try {
            JsonNode windows = context.json().readTree(Files.readString(windowsFile));
            List<Path> files;
            try (Stream<Path> listed = Files.list(folder)) {
                files = listed.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
            }
            List<List<String>> rows = new ArrayList<>();
            Map<String, Tally> totals = new TreeMap<>();
            Map<String, Integer> anomalous = new TreeMap<>();
            for (Path file : files) {
                List<Instant[]> labelled = windows(windows.path(CATEGORY + "/" + file.getFileName()));
                for (String detector : DETECTORS) {
                    long started = System.nanoTime();
                    JsonNode answer = detect(file, detector);
                    long ms = (System.nanoTime() - started) / 1_000_000;
                    Tally tally = tally(answer.path("content"), labelled);
                    totals.merge(detector, tally, Tally::plus);
                    anomalous.merge(detector, answer.path("anomalies").asInt(), Integer::sum);
                    rows.add(List.of(file.getFileName().toString(), detector,
                            String.format(Locale.ROOT, "%,d", answer.path("rows").asInt()),
                            String.format(Locale.ROOT, "%,d", answer.path("anomalies").asInt()),
                            tally.found() + " / " + tally.windows(), Integer.toString(tally.outside()),
                            String.format(Locale.ROOT, "%,d", ms)));
                }
            }
            context.out().println("NAB " + CATEGORY + " uploaded to POST /api/v1/anomalies/detect (tz=UTC), "
                    + "beside NAB's labelled windows");
            context.out().println(new TextTable(List.of("FILE", "DETECTOR", "ROWS", "ANOMALOUS ROWS",
                    "WINDOWS FOUND", "ROWS OUTSIDE WINDOWS", "MS"), rows).render());
            List<StepResult> results = new ArrayList<>();
            totals.forEach((detector, t) -> results.add(new StepResult(name(), StepResult.Outcome.DONE,
                    "NAB " + CATEGORY + ", detector=" + detector, files.size() + " files: " + t.found() + " / "
                    + t.windows() + " windows found, " + anomalous.get(detector) + " anomalous rows, " + t.outside()
                    + " outside the windows")));
            return results;
        } catch (IOException | StackException e) {
            return List.of(new StepResult(name(), StepResult.Outcome.FAILED, MODULE, e.getMessage()));
        }
    }

    private JsonNode detect(Path file, String detector) throws IOException {
        URI url = context.serviceUrl(MODULE).resolve("/api/v1/anomalies/detect?tz=UTC&detector=" + detector);
        return DemoHttp.call(context, HttpRequest.newBuilder(url).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(file)), 200);
    }

    /** NAB's windows of one file: pairs of naive UTC timestamps. */
    static List<Instant[]> windows(JsonNode pairs) {
        List<Instant[]> windows = new ArrayList<>();
        for (JsonNode pair : pairs) {
            windows.add(new Instant[]{instant(pair.get(0).asString()), instant(pair.get(1).asString())});
        }
        return windows;
    }

    /** Of {@code windows} labelled, those with an anomalous row inside, and anomalous rows inside no window. */
    record Tally(int found, int windows, int outside) {

        Tally plus(Tally other) {
            return new Tally(found + other.found, windows + other.windows, outside + other.outside);
        }
    }

    static Tally tally(JsonNode scoredRows, List<Instant[]> windows) {
        boolean[] hit = new boolean[windows.size()];
        int outside = 0;
        for (JsonNode row : scoredRows) {
            if (!row.path("is_anomaly").asBoolean()) {
                continue;
            }
            Instant at = Instant.parse(row.path("timestamp").asString());
            boolean inside = false;
            for (int i = 0; i < windows.size(); i++) {
                if (!at.isBefore(windows.get(i)[0]) && !at.isAfter(windows.get(i)[1])) {
                    hit[i] = true;
                    inside = true;
                }
            }
            outside += inside ? 0 : 1;
        }
        int found = 0;
        for (boolean h : hit) {
            found += h ? 1 : 0;
        }
        return new Tally(found, windows.size(), outside);
    }

    private static Instant instant(String nabTime) {
        return LocalDateTime.parse(nabTime, NAB_TIME).toInstant(ZoneOffset.UTC);
    }
}
