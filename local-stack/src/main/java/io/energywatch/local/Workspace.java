package io.energywatch.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A checkout of the repository and its gitignored work folder {@code .energywatch/}, where the local servers keep
 * their data, logs and pid files.
 */
public record Workspace(Path root) {

    public Workspace {
        root = root.toAbsolutePath().normalize();
    }

    public Path dir() {
        return root.resolve(".energywatch");
    }

    public Path kafka() {
        return dir().resolve("kafka");
    }

    public Path elasticsearch() {
        return dir().resolve("elasticsearch");
    }

    public Path mongodb() {
        return dir().resolve("mongodb");
    }

    /** The local token issuer's key pair; the services read the public half (the local profile points there). */
    public Path keys() {
        return dir().resolve("keys");
    }

    public Path logs() {
        return dir().resolve("logs");
    }

    public Path pids() {
        return dir().resolve("pids");
    }

    public Path log(String name) {
        return logs().resolve(name + ".log");
    }

    public PidFile pidFile(String name) {
        return new PidFile(pids().resolve(name + ".pid"));
    }

    public Path platformFile() {
        return root.resolve(PlatformConfig.LOCATION);
    }

    /** The runtime classpath of local-stack (Kafka, the MongoDB wire server), copied there at {@code package}. */
    public Path stackLibrary() {
        return root.resolve("local-stack/target/lib");
    }

    public Path elasticsearchZip() {
        return root.resolve("local-stack/target/dist/elasticsearch.zip");
    }

    /** The Spring Boot executable jar of a service module. */
    public Path serviceJar(String module) {
        return root.resolve(module).resolve("target").resolve(module + ".jar");
    }

    /** A path as the user would type it from the repository root, for messages. */
    public String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
    }

    /**
     * Everything the platform stores in the work folder: the servers' data and what the services keep under
     * {@code .energywatch/} (their {@code local} profile's state, model registries and upload spool). Not the logs.
     */
    public List<Path> dataDirectories() {
        return List.of(kafka(), elasticsearch(), mongodb(), dir().resolve("state"), dir().resolve("models"),
                dir().resolve("spool"));
    }

    /** Deletes the {@link #dataDirectories()}; returns the ones that existed. Stop every process first. */
    public List<Path> deleteData() throws IOException {
        List<Path> deleted = new ArrayList<>();
        for (Path dir : dataDirectories()) {
            if (Files.exists(dir)) {
                try (var paths = Files.walk(dir)) {
                    for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
                deleted.add(dir);
            }
        }
        return deleted;
    }

    public void createDirectories() throws IOException {
        for (Path dir : new Path[] {kafka(), elasticsearch(), mongodb(), logs(), pids()}) {
            Files.createDirectories(dir);
        }
    }
}
