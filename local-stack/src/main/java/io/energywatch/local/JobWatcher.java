package io.energywatch.local;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Follows an ingestion job until it ends: a progress bar redrawn in place on a terminal, a line every few seconds
 * otherwise (a log or CI output would fill up with carriage returns).
 */
final class JobWatcher {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration LINE_INTERVAL = Duration.ofSeconds(5);

    private final IngestionClient client;
    private final PrintStream out;
    private final boolean terminal;
    private final ProgressBar bar = new ProgressBar(30);

    JobWatcher(IngestionClient client, PrintStream out, boolean terminal) {
        this.client = client;
        this.out = out;
        this.terminal = terminal;
    }

    static boolean stdoutIsTerminal() {
        var console = System.console();
        return console != null && console.isTerminal();
    }

    IngestionJob follow(IngestionJob started) {
        IngestionJob job = started;
        long lastLine = System.nanoTime();
        int drawn = show(job, 0);
        try {
            while (!job.finished()) {
                Pause.of(POLL);
                job = client.job(job.id());
                if (terminal) {
                    drawn = show(job, drawn);
                } else if (System.nanoTime() - lastLine >= LINE_INTERVAL.toNanos()) {
                    show(job, 0);
                    lastLine = System.nanoTime();
                }
            }
            if (!terminal && job != started) {
                show(job, 0);
            }
            return job;
        } finally {
            if (terminal) {
                out.println();
            }
        }
    }

    /** Prints the progress line; on a terminal it overwrites the previous one (padded to its length). */
    private int show(IngestionJob job, int previousLength) {
        String line = "  " + bar.render(job);
        if (terminal) {
            out.print("\r" + line + " ".repeat(Math.max(0, previousLength - line.length())));
            out.flush();
        } else {
            out.println(line);
        }
        return line.length();
    }
}
