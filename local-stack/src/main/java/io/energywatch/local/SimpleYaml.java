package io.energywatch.local;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Reads the nested-map subset of YAML that energywatch-platform.yml uses into dotted keys such as
 * {@code energywatch.ports.kafka}; enough for the command line, which must not depend on Spring to read its ports.
 */
final class SimpleYaml {

    private record Parent(int indent, String key) {
    }

    private SimpleYaml() {
    }

    /** Scalars by dotted key, in file order. List items are skipped: no key the command reads is a list. */
    static Map<String, String> flatten(String yaml, String source) {
        var values = new LinkedHashMap<String, String>();
        Deque<Parent> parents = new ArrayDeque<>();
        int lineNumber = 0;
        for (String raw : yaml.split("\\R")) {
            lineNumber++;
            String line = stripComment(raw);
            if (line.isBlank() || line.startsWith("---")) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            if (line.substring(0, indent).indexOf('\t') >= 0) {
                throw new StackException(source + " line " + lineNumber + ": indent with spaces, not tabs");
            }
            String content = line.strip();
            if (content.startsWith("- ") || content.equals("-")) {
                continue;
            }
            int colon = content.indexOf(':');
            if (colon <= 0) {
                throw new StackException(source + " line " + lineNumber + ": expected 'key: value' but found '"
                        + content + "'");
            }
            String key = unquote(content.substring(0, colon).strip());
            String value = content.substring(colon + 1).strip();
            while (!parents.isEmpty() && parents.peek().indent() >= indent) {
                parents.pop();
            }
            String path = dotted(parents, key);
            if (value.isEmpty()) {
                parents.push(new Parent(indent, key));
            } else {
                values.put(path, unquote(value));
            }
        }
        return values;
    }

    private static String dotted(Deque<Parent> parents, String key) {
        Iterable<Parent> outermostFirst = parents::descendingIterator;
        String prefix = StreamSupport.stream(outermostFirst.spliterator(), false)
                .map(Parent::key).collect(Collectors.joining("."));
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    /** Drops a comment: a '#' at the start or after a space, outside quotes. */
    private static String stripComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i).stripTrailing();
            }
        }
        return line.stripTrailing();
    }

    private static String unquote(String text) {
        if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"")
                || text.startsWith("'") && text.endsWith("'"))) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }
}
