package io.energywatch.contracts;

/**
 * A Kafka topic of the public API: its name (with the version suffix), what its key is, the record it carries and the
 * CloudEvents type of that record.
 *
 * @param name            topic name, e.g. {@code energywatch.consumption.raw.v1}
 * @param key             what the (string) key holds, e.g. "series id"
 * @param valueType       the event record
 * @param ceType          the CloudEvents {@code ce_type}
 * @param partitionsHint  partitions to create it with
 * @param compacted       whether only the latest record per key matters
 * @param description     one sentence for the AsyncAPI document
 */
public record Topic<V extends EnergyWatchEvent>(
        String name, String key, Class<V> valueType, String ceType, int partitionsHint, boolean compacted,
        String description) {

    /** The dead-letter topic of this topic: the name plus {@code .dlq}, the reason in {@link DeadLetters} headers. */
    public String dlq() {
        return name + DeadLetters.SUFFIX;
    }
}
