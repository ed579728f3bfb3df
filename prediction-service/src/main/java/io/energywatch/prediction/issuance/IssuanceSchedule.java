package io.energywatch.prediction.issuance;

import io.energywatch.prediction.config.PredictionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When the issuer runs: at the wall-clock cron, and at every check interval once the history is quiet (the catch-up
 * that follows stream time: historical data reaches a new complete day whatever the clock says).
 */
@Component
class IssuanceSchedule {

    private static final Logger log = LoggerFactory.getLogger(IssuanceSchedule.class);

    private final ForecastIssuer issuer;
    private final boolean enabled;

    IssuanceSchedule(ForecastIssuer issuer, PredictionProperties properties) {
        this.issuer = issuer;
        this.enabled = properties.issuance().enabled();
    }

    @Scheduled(cron = "${energywatch.prediction.issuance.cron}", zone = "${energywatch.prediction.zone}")
    void daily() {
        if (enabled) {
            run("daily issuance", () -> issuer.issueNow());
        }
    }

    @Scheduled(fixedDelayString = "${energywatch.prediction.issuance.check-interval}",
            initialDelayString = "${energywatch.prediction.issuance.check-interval}")
    void catchUp() {
        if (enabled) {
            run("issuance catch-up", issuer::catchUp);
        }
    }

    /** A failed run (a store down) is logged; the next one starts over, everything it does being idempotent. */
    private static void run(String what, Runnable run) {
        try {
            run.run();
        } catch (RuntimeException e) {
            log.warn("{} failed, retried at the next check: {}", what, e.getMessage());
        }
    }
}
