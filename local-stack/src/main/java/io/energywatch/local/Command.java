package io.energywatch.local;

import java.nio.file.Path;
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

    record RunDemo(Optional<Path> dataDirectory) implements Command {
    }

    record Ingest(Path file, Optional<String> kind, Optional<String> format) implements Command {
    }

    record Help() implements Command {
    }
}
