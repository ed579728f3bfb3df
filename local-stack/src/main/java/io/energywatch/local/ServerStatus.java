package io.energywatch.local;

import java.util.Locale;
import java.util.OptionalLong;

/** What {@code status} reports for one server. */
record ServerStatus(String name, State state, OptionalLong pid, String url) {

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
}
