package io.energywatch.local;

import java.time.Duration;

/** Waiting between polls of a server; an interrupt (Ctrl-C) ends the command rather than being swallowed. */
final class Pause {

    private Pause() {
    }

    static void of(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }
}
