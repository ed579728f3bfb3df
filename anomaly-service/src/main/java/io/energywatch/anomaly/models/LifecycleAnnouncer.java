package io.energywatch.anomaly.models;

import io.energywatch.contracts.ModelLifecycleChanged;

/** Publishes a model's lifecycle on the models topic; {@link #ensureReachable()} fails fast before a training. */
public interface LifecycleAnnouncer {

    /** Announces nothing: the offline evaluations. */
    LifecycleAnnouncer SILENT = new LifecycleAnnouncer() {
        @Override
        public void ensureReachable() {
        }

        @Override
        public void announce(ModelLifecycleChanged event) {
        }
    };

    /** Throws a {@code StoreUnavailableException} naming the topic's store when it cannot be reached. */
    void ensureReachable();

    /** Publishes {@code event} and waits for the acknowledgement. */
    void announce(ModelLifecycleChanged event);
}
