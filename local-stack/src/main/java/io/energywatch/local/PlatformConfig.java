package io.energywatch.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The platform's fixed local host, ports and MongoDB database, read from energywatch-platform.yml: the file every
 * service imports too, so the command line and the services can never disagree on a number.
 */
public record PlatformConfig(String source, String host, Map<String, Integer> ports, String mongoDatabase) {

    /** Where the file lives in a checkout; service-support puts it on every service's classpath. */
    public static final String LOCATION = "service-support/src/main/resources/energywatch-platform.yml";

    private static final String PORTS = "energywatch.ports.";

    public PlatformConfig {
        ports = Map.copyOf(ports);
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
                required(values, "energywatch.stores.mongo-database", source));
    }

    /** The port named {@code name} under energywatch.ports (kafka, elasticsearch, ingestion, ...). */
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
