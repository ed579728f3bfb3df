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
        String waitingFor = null;
        try {
            while (!job.finished()) {
                Pause.of(POLL);
                IngestionClient.JobPoll poll;
                try {
                    poll = client.poll(job.id());
                } catch (IngestionClient.StoreUnavailableException e) {
                    // The service cannot read the job now; the job itself waits for the store, so keep following.
                    String said = waitingFor;
                    waitingFor = say(e.getMessage(), waitingFor, drawn);
                    if (!waitingFor.equals(said)) {
                        drawn = 0;
                    }
                    continue;
                }
                job = poll.job();
                if (poll.pausedBecause().isPresent()) {
                    String said = waitingFor;
                    waitingFor = say("job " + job.id() + " is paused: " + poll.pausedBecause().get()
                            + ". It goes on by itself once the store is back; ./energywatch stack status shows what"
                            + " runs, ./energywatch stack up starts what is down.", waitingFor, drawn);
                    if (!waitingFor.equals(said)) {
                        drawn = 0;
                    }
                } else {
                    waitingFor = null;
                }
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

    /** Prints a message on a line of its own, once until it changes; returns it. */
    private String say(String message, String said, int drawn) {
        if (!message.equals(said)) {
            if (terminal && drawn > 0) {
                out.println();
            }
            out.println("  " + message);
        }
        return message;
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
