package io.energywatch.service.stores;

import java.time.Duration;

/**
 * A request or job that failed because a store did not do its part: it was unreachable or timed out
 * ({@link Kind#UNAVAILABLE}, which passes), or it refused a write for lack of space ({@link Kind#FULL}, which needs an
 * operator).
 *
 * @param cause what the client reported, in one line, without Java class names
 */
public record StoreFailure(Store store, Kind kind, String cause) {

    public enum Kind { UNAVAILABLE, FULL }

    public static StoreFailure unavailable(Store store, String cause) {
        return new StoreFailure(store, Kind.UNAVAILABLE, cause);
    }

    public static StoreFailure full(Store store, String cause) {
        return new StoreFailure(store, Kind.FULL, cause);
    }

    public String title() {
        return switch (kind) {
            case UNAVAILABLE -> store.displayName() + " unavailable";
            case FULL -> store.displayName() + " is full";
        };
    }

    /** One line for job reports and logs: the title and the cause. */
    public String summary() {
        return title() + ": " + cause;
    }

    /** What happened and what to do, for a problem's {@code detail}. */
    public String detail(Duration retryAfter) {
        return switch (kind) {
            case UNAVAILABLE -> summary() + ". Retry in " + retryAfter.toSeconds() + " s; if it persists, check that "
                    + store.displayName() + " is running and reachable (in the local stack: ./energywatch stack"
                    + " status, then ./energywatch stack up).";
            case FULL -> summary() + ". Nothing of this request was lost or half-written; free space on "
                    + store.displayName() + " or raise its limit, then retry.";
        };
    }
}
