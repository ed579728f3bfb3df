package io.energywatch.analytics.nab;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads a NAB corpus directory: {@code data/<category>/<file>.csv} ({@code timestamp,value}) and the labelled windows
 * of {@code combined_windows.json}, keyed by the file's path relative to {@code data}.
 */
public final class NabCorpus {

    private static final DateTimeFormatter LABEL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

    private NabCorpus() {
    }

    /** Every labelled series of the corpus, in the label file's order. */
    public static List<NabSeries> read(Path corpusDirectory) {
        try {
            JsonNode labels = new ObjectMapper().readTree(
                    Files.readString(corpusDirectory.resolve("combined_windows.json")));
            var series = new ArrayList<NabSeries>();
            for (var entry : labels.properties()) {
                series.add(readSeries(corpusDirectory.resolve("data").resolve(entry.getKey()), entry.getKey(),
                        entry.getValue()));
            }
            return List.copyOf(series);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read NAB corpus " + corpusDirectory, e);
        }
    }

    private static NabSeries readSeries(Path csv, String name, JsonNode windowLabels) throws IOException {
        var timestamps = new ArrayList<LocalDateTime>();
        var values = new ArrayList<Double>();
        try (var lines = Files.lines(csv)) {
            lines.skip(1).filter(line -> !line.isBlank()).forEach(line -> {
                int comma = line.indexOf(',');
                timestamps.add(LocalDateTime.parse(line.substring(0, comma).trim(), LABEL_TIME));
                values.add(Double.parseDouble(line.substring(comma + 1).trim()));
            });
        }
        var windows = new ArrayList<NabWindow>();
        for (JsonNode window : windowLabels) {
            var start = LocalDateTime.parse(window.get(0).asString(), LABEL_TIME);
            var end = LocalDateTime.parse(window.get(1).asString(), LABEL_TIME);
            windows.add(new NabWindow(firstAtOrAfter(timestamps, start), lastAtOrBefore(timestamps, end)));
        }
        return new NabSeries(name, timestamps, values.stream().mapToDouble(Double::doubleValue).toArray(), windows);
    }

    private static int firstAtOrAfter(List<LocalDateTime> timestamps, LocalDateTime t) {
        int at = Collections.binarySearch(timestamps, t);
        return at >= 0 ? at : -at - 1;
    }

    private static int lastAtOrBefore(List<LocalDateTime> timestamps, LocalDateTime t) {
        int at = Collections.binarySearch(timestamps, t);
        return at >= 0 ? at : -at - 2;
    }
}
