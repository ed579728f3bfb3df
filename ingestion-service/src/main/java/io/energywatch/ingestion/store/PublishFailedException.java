package io.energywatch.ingestion.store;

/** Kafka did not acknowledge stored records in time; they remain stored with {@code published: false}. */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
