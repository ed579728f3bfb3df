package io.energywatch.ingestion.pollers;

import org.springframework.stereotype.Component;

import java.time.Duration;

/** Waits between retries of a poller run; a seam so tests can retry without waiting. */
@Component
class Backoff {

    void pause(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
