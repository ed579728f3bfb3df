package io.energywatch.service.stores;

/** The stores EnergyWatch services depend on, as problems and health name them. */
public enum Store {
    MONGODB("mongodb", "MongoDB"),
    KAFKA("kafka", "Kafka"),
    ELASTICSEARCH("elasticsearch", "Elasticsearch");

    private final String id;
    private final String displayName;

    Store(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** The value of a problem's {@code store} property and of a paused job's {@code pause.store}. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }
}
