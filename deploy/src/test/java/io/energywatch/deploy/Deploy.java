package io.energywatch.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the checked files are: the repository root, passed by the build (energywatch.root). */
final class Deploy {

    /** The services as their modules and images are named. */
    static final java.util.List<String> ARTIFACTS = java.util.List.of("gateway", "ingestion-service", "fusion-service",
            "anomaly-service", "prediction-service", "drift-service");

    private Deploy() {
    }

    static Path root() {
        String root = System.getProperty("energywatch.root");
        Path path = root == null ? Path.of("..").toAbsolutePath().normalize() : Path.of(root);
        if (!Files.isRegularFile(path.resolve("docker-compose.yml"))) {
            throw new IllegalStateException("not the repository root: " + path);
        }
        return path;
    }

    static String version() {
        return System.getProperty("energywatch.version", "0.1.0-SNAPSHOT");
    }
}
