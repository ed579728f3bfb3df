package io.energywatch.service.stores;

import java.util.Optional;

/**
 * A quick question to one store ("do you answer?"), bounded by that store's client timeouts: health indicators report it
 * and paused work asks it before resuming.
 */
public interface StoreCheck {

    Store store();

    /** Empty when the store answered; otherwise what is wrong. */
    Optional<StoreFailure> probe();
}
