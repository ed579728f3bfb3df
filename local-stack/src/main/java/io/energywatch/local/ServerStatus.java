package io.energywatch.local;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * What {@code status} reports for one server.
 *
 * @param residentBytes resident memory of its process tree, when it runs
 */
record ServerStatus(String name, State state, OptionalLong pid, String url, OptionalLong residentBytes) {

    private static final double MEBIBYTE = 1024.0 * 1024.0;

    enum State {
        /** Running and answering its health check. */
        HEALTHY,
        /** Running but not (yet) healthy: starting, or in trouble. */
        RUNNING,
        STOPPED,
        /** Not ours, but something else listens on its port. */
        PORT_IN_USE,
        /** A service whose jar has not been built. */
        NOT_BUILT;

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    String pidText() {
        return pid.isPresent() ? Long.toString(pid.getAsLong()) : "-";
    }

    String residentText() {
        return residentBytes.isPresent() ? megabytes(residentBytes.getAsLong()) : "-";
    }

    ServerStatus withState(State newState) {
        return new ServerStatus(name, newState, pid, url, residentBytes);
    }

    /** Resident memory as an operator reads it: "412 MB". */
    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MB", bytes / MEBIBYTE);
    }
}
