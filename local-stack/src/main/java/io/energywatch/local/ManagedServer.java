package io.energywatch.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A server this command starts, probes and stops: one of the local stack's three or one of the platform's services. */
interface ManagedServer {

    /** Also its role marker and the name of its log and pid files: kafka, elasticsearch, gateway, ... */
    String name();

    /** The ports it listens on; the first is the one clients use. */
    List<Integer> ports();

    String url();

    /** Its console output. */
    Path log();

    PidFile pidFile();

    /** Elasticsearch writes its pid file itself ({@code -p}); for the others the launched process is the server. */
    default boolean writesOwnPidFile() {
        return false;
    }

    /** One-time setup before a start: configuration, storage formatting, unpacking. */
    default void prepare() throws IOException {
    }

    Process launch() throws IOException;

    boolean healthy();

    /** The logs to read when it does not come up. */
    default List<Path> diagnosticLogs() {
        return List.of(log());
    }
}
