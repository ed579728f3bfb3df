package io.energywatch.analytics.registry;

/** A registry operation that could not be carried out: unknown version, unreadable store, corrupt artifact. */
public class ModelRegistryException extends RuntimeException {

    public ModelRegistryException(String message) {
        super(message);
    }

    public ModelRegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
