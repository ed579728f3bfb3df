package io.energywatch.service.health;

import io.energywatch.service.stores.StoreCheck;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * A store's health component: UP when its {@link StoreCheck} is answered, otherwise DOWN with an {@code error} detail
 * saying what is wrong in words. Answers within the store client's timeouts, so the health endpoint stays fast when the
 * store is down.
 */
public class StoreHealthIndicator extends AbstractHealthIndicator {

    private final StoreCheck check;

    public StoreHealthIndicator(StoreCheck check) {
        super(check.store().displayName() + " health check failed");
        this.check = check;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("store", check.store().id());
        check.probe().ifPresentOrElse(failure -> builder.down().withDetail("error", failure.summary()),
                builder::up);
    }
}
