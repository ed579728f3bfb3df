package io.energywatch.local;

import io.energywatch.service.security.Role;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** A parsed command line of {@code ./energywatch}. */
sealed interface Command {

    record StackUp() implements Command {
    }

    record StackDown() implements Command {
    }

    record StackStatus() implements Command {
    }

    /** The stack, then every built service. */
    record Up() implements Command {
    }

    record Down() implements Command {
    }

    record Status() implements Command {
    }

    /** Down, then delete everything the platform stored locally (logs stay). */
    record Reset() implements Command {
    }

    /**
     * @param dataDirectory the files to ingest, or with {@code real} the datasets folder (default ../shared/datasets)
     * @param real          the national file, weather and movements of the public datasets instead of the simulator
     */
    record RunDemo(Optional<Path> dataDirectory, boolean real) implements Command {
    }

    /** @param duplicates the upload's duplicates policy (first, last, mean, reject); the service's default when empty */
    record Ingest(Path file, Optional<String> kind, Optional<String> format, Optional<String> duplicates)
            implements Command {

        Ingest(Path file, Optional<String> kind, Optional<String> format) {
            this(file, kind, format, Optional.empty());
        }
    }

    /**
     * Prints a token of the local installation.
     *
     * @param subject who calls: a person or a machine client (its name on feedback and acknowledgements)
     */
    record Token(Role role, Duration ttl, String subject) implements Command {
    }

    /**
     * Imports the saved objects of {@code file} into the Kibana at {@code url}.
     *
     * @param space a Kibana space id, or the default space
     * @param file  the NDJSON file, or kibana/energywatch.ndjson of the checkout
     */
    record KibanaImport(URI url, Optional<String> space, Optional<Path> file) implements Command {
    }

    record Help() implements Command {
    }
}
