package io.energywatch.ingestion.formats;

import io.energywatch.service.csv.Delimited;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The header line of a delimited file: column positions by name, looked up by exact name or by a relaxed key. */
record Header(List<String> names, Map<String, Integer> byKey, char delimiter) {

    static Header of(String[] cells, char delimiter) {
        var names = Delimited.trimmed(cells);
        var byKey = new HashMap<String, Integer>();
        for (int i = 0; i < names.size(); i++) {
            byKey.putIfAbsent(key(names.get(i)), i);
        }
        return new Header(List.copyOf(names), Map.copyOf(byKey), delimiter);
    }

    int size() {
        return names.size();
    }

    /** Position of the first of {@code alternatives} present, or -1. */
    int find(String... alternatives) {
        for (String name : alternatives) {
            Integer i = byKey.get(key(name));
            if (i != null) {
                return i;
            }
        }
        return -1;
    }

    boolean has(String... alternatives) {
        return find(alternatives) >= 0;
    }

    /** Position of the first of {@code alternatives} present; an upload without any of them is unreadable as a whole. */
    int require(SourceFormat format, String... alternatives) {
        int i = find(alternatives);
        if (i < 0) {
            throw new UnreadableUploadException("the header has no column '" + alternatives[0] + "' that format "
                    + format.code() + " needs; columns seen: " + names);
        }
        return i;
    }

    /** Lower case, accents removed, every run of other characters one '_': "Taux de grévistes" and "taux_grevistes" meet. */
    static String key(String name) {
        String plain = MARKS.matcher(Normalizer.normalize(name.trim(), Normalizer.Form.NFD)).replaceAll("");
        return EDGES.matcher(NON_WORD.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("_")).replaceAll("");
    }

    // Compiled once: status cells go through key() on every row.
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGES = Pattern.compile("^_|_$");
}
