package io.energywatch.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Orders the ingestion kinds to try for a file: the given one alone, else the guess from its name and first line
 * followed by the others. The service rejects a kind that does not fit, so a wrong guess costs one request.
 */
final class KindGuess {

    static final List<String> KINDS = List.of("consumption", "weather", "social-movements");

    /** Words that give a kind away, checked in this order: a consumption file often has a weather or strike column. */
    private record Clue(String kind, List<String> words) {
    }

    private static final List<Clue> CLUES = List.of(
            new Clue("consumption", List.of("consommation", "consumption", "conso", "power", "eco2mix")),
            new Clue("social-movements", List.of("mouvement", "movement", "greve", "grève", "grévistes", "strike",
                    "syndicale", "social")),
            new Clue("weather", List.of("weather", "meteo", "météo", "temperature", "température", "tempmax", "tmoy")));

    private KindGuess() {
    }

    static List<String> candidates(Path file, Optional<String> given) {
        if (given.isPresent()) {
            return List.of(given.get());
        }
        String first = guess(file.getFileName().toString(), firstLine(file));
        var ordered = new ArrayList<String>(List.of(first));
        KINDS.stream().filter(kind -> !kind.equals(first)).forEach(ordered::add);
        return ordered;
    }

    /** The likeliest kind from the file name, else from the header line; consumption when nothing says otherwise. */
    static String guess(String fileName, String headerLine) {
        for (String text : List.of(fileName, headerLine)) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (Clue clue : CLUES) {
                if (clue.words().stream().anyMatch(lower::contains)) {
                    return clue.kind();
                }
            }
        }
        return "consumption";
    }

    /** The first line as ISO-8859-1, which never fails on bytes (éCO2mix files are latin-1, others UTF-8). */
    private static String firstLine(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line = reader.readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            return "";
        }
    }
}
