package io.energywatch.service.stores;

/**
 * Thrown where a service already knows which store failed (it caught the client's own exception); rendered as the
 * store's problem by {@code ProblemResponses}.
 */
public class StoreUnavailableException extends RuntimeException {

    private final StoreFailure failure;

    public StoreUnavailableException(StoreFailure failure, Throwable cause) {
        super(failure.summary(), cause);
        this.failure = failure;
    }

    public static StoreUnavailableException of(Store store, Throwable cause) {
        return new StoreUnavailableException(StoreFailures.classify(cause)
                .filter(f -> f.store() == store)
                .orElseGet(() -> StoreFailure.unavailable(store, StoreFailures.describe(cause))), cause);
    }

    public StoreFailure failure() {
        return failure;
    }
}
