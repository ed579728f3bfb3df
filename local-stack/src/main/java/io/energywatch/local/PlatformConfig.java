package io.energywatch.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The platform's fixed local host, ports, MongoDB database and index aliases, and the heaps and drain settings of the
 * local run, read from energywatch-platform.yml: the file every service imports too, so the command line and the
 * services can never disagree on a number.
 *
 * @param heaps  maximum heap of each local JVM by the same key as its port (kafka, elasticsearch, ingestion, ...)
 * @param indices Elasticsearch aliases by name (enriched, daily, anomalies, ...)
 * @param drain  the raw values under energywatch.local.drain, read by {@link #drainSettings()}
 * @param jwt    the values under energywatch.security.jwt (the local profile's issuer, the audience)
 */
public record PlatformConfig(String source, String host, Map<String, Integer> ports, String mongoDatabase,
                             Map<String, String> heaps, Map<String, String> indices, Map<String, String> drain,
                             Map<String, String> jwt) {

    /** Where the file lives in a checkout; service-support puts it on every service's classpath. */
    public static final String LOCATION = "service-support/src/main/resources/energywatch-platform.yml";

    private static final String PORTS = "energywatch.ports.";
    private static final String HEAPS = "energywatch.local.heap.";
    private static final String INDICES = "energywatch.stores.indices.";
    private static final String DRAIN = "energywatch.local.drain.";
    private static final String JWT = "energywatch.security.jwt.";
    /** What -Xmx accepts: a number with a k, m or g unit. */
    private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[kmgKMG]");
    private static final Pattern DURATION = Pattern.compile("([0-9]+)(ms|s|m|h)");

    /** How the demo and the live bench decide that the pipeline has drained. */
    public record DrainSettings(Duration poll, int confirmations, Duration timeout) {
    }

    public PlatformConfig {
        ports = Map.copyOf(ports);
        heaps = Map.copyOf(heaps);
        indices = Map.copyOf(indices);
        drain = Map.copyOf(drain);
        jwt = Map.copyOf(jwt);
    }

    public static PlatformConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StackException("platform file " + file + " is missing: run ./energywatch from an EnergyWatch checkout");
        }
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new StackException("cannot read platform file " + file + ": " + e.getMessage(), e);
        }
    }

    static PlatformConfig parse(String yaml, String source) {
        Map<String, String> values = SimpleYaml.flatten(yaml, source);
        var ports = new LinkedHashMap<String, Integer>();
        values.forEach((key, value) -> {
            if (key.startsWith(PORTS)) {
                ports.put(key.substring(PORTS.length()), parsePort(key, value, source));
            }
        });
        if (ports.isEmpty()) {
            throw new StackException(source + " defines no ports under energywatch.ports");
        }
        return new PlatformConfig(source, required(values, "energywatch.local.host", source), ports,
                required(values, "energywatch.stores.mongo-database", source), under(values, HEAPS),
                under(values, INDICES), under(values, DRAIN), under(values, JWT));
    }

    /** The entries whose dotted key starts with {@code prefix}, by the rest of the key. */
    private static Map<String, String> under(Map<String, String> values, String prefix) {
        var found = new LinkedHashMap<String, String>();
        values.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                found.put(key.substring(prefix.length()), value);
            }
        });
        return found;
    }

    /** The -Xmx value of the JVM whose port key is {@code name} (kafka, elasticsearch, mongodb, ingestion, ...). */
    public String heap(String name) {
        String heap = heaps.get(name);
        if (heap == null) {
            throw new StackException("heap '" + name + "' is not defined under energywatch.local.heap in " + source);
        }
        if (!HEAP.matcher(heap).matches()) {
            throw new StackException("energywatch.local.heap." + name + " in " + source + " is '" + heap
                    + "', not a heap size such as 512m or 1g");
        }
        return heap;
    }

    /** The Elasticsearch alias named {@code name} under energywatch.stores.indices (enriched, anomalies, ...). */
    public String index(String name) {
        String index = indices.get(name);
        if (index == null || index.isBlank()) {
            throw new StackException("index '" + name + "' is not defined under energywatch.stores.indices in " + source);
        }
        return index;
    }

    public DrainSettings drainSettings() {
        int confirmations;
        String text = drainValue("confirmations");
        try {
            confirmations = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            confirmations = 0;
        }
        if (confirmations < 1) {
            throw new StackException(DRAIN + "confirmations in " + source + " is '" + text + "', not a count >= 1");
        }
        return new DrainSettings(duration("poll"), confirmations, duration("timeout"));
    }

    private Duration duration(String key) {
        String text = drainValue(key);
        var matcher = DURATION.matcher(text);
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            throw new StackException(DRAIN + key + " in " + source + " is '" + text
                    + "', not a duration such as 500ms, 2s, 10m or 1h");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    private String drainValue(String key) {
        String value = drain.get(key);
        if (value == null || value.isBlank()) {
            throw new StackException(DRAIN + key + " is missing from " + source);
        }
        return value;
    }

    /** The port named {@code name} under energywatch.ports (kafka, elasticsearch, ingestion, ...). */
    /** The issuer and audience the local profile's services expect in a token. */
    public String tokenIssuer() {
        return required(jwt, "issuer", source + " (energywatch.security.jwt)");
    }

    public String tokenAudience() {
        return required(jwt, "audience", source + " (energywatch.security.jwt)");
    }

    public int port(String name) {
        Integer port = ports.get(name);
        if (port == null) {
            throw new StackException("port '" + name + "' is not defined under energywatch.ports in " + source);
        }
        return port;
    }

    private static int parsePort(String key, String value, String source) {
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the key and file
        }
        throw new StackException(key + " in " + source + " is '" + value + "', not a port number (1-65535)");
    }

    private static String required(Map<String, String> values, String key, String source) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new StackException(key + " is missing from " + source);
        }
        return value;
    }
}
