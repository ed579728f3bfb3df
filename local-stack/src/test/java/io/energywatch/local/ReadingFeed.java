package io.energywatch.local;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady stream of readings through the ingestion API (the bench's via the gateway, with an analyst's token): every
 * {@code interval} one upload of the next rows of every series. An upload that gets no 202 (the gateway or ingestion
 * down, a store unavailable) is sent again, unchanged, until it does, so "in" is exactly what the platform
 * acknowledged; a repeat of an upload that was in fact accepted is refused by ingestion as duplicates, by contract.
 * Each acknowledged upload is counted in the phase that was current when it was first sent.
 */
final class ReadingFeed implements Runnable {

    /** An acknowledged upload: rows [from, to) of every series, in phase {@code phase}, answered at {@code ackedNanos}. */
    record Upload(int phase, long from, long to, long ackedNanos) {
    }

    /** Sends one upload; answers the HTTP status, or -1 when no answer came (the server down). */
    @FunctionalInterface
    interface Uploader {
        int upload(String csv, String origin);
    }

    private static final Duration RETRY = Duration.ofSeconds(1);

    private final Uploader uploader;
    private final BenchReadings readings;
    private final int rowsPerUpload;
    private final Duration interval;
    private final PrintStream out;
    private final List<Upload> acked = new ArrayList<>();
    private final AtomicLong refusals = new AtomicLong();
    private volatile int phase;
    private volatile boolean running = true;
    private long nextRow;
    private Thread thread;

    ReadingFeed(Uploader uploader, BenchReadings readings, int readingsPerSecond, Duration interval, PrintStream out) {
        this.uploader = uploader;
        this.readings = readings;
        this.interval = interval;
        this.rowsPerUpload = Math.max(1, (int) Math.round(readingsPerSecond * interval.toMillis() / 1000.0
                / readings.series()));
        this.out = out;
    }

    void phase(int phase) {
        this.phase = phase;
    }

    /** Starts sending on a thread of its own. */
    ReadingFeed start() {
        thread = Thread.ofPlatform().name("reading-feed").daemon().start(this);
        return this;
    }

    /** Stops sending and waits for the upload in flight to be answered. */
    void stop() {
        running = false;
        try {
            thread.join(Duration.ofMinutes(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while stopping the feed", e);
        }
    }

    synchronized List<Upload> acknowledged() {
        return List.copyOf(acked);
    }

    /** Readings acknowledged so far. */
    synchronized long readingsAcknowledged() {
        return acked.stream().mapToLong(u -> (u.to() - u.from()) * readings.series()).sum();
    }

    /** The rows of every series acknowledged so far: [0, rows). */
    synchronized long rows() {
        return acked.stream().mapToLong(Upload::to).max().orElse(0);
    }

    /** The event ids of the readings acknowledged in {@code phase}. */
    synchronized List<String> readingIds(int phase) {
        List<String> ids = new ArrayList<>();
        acked.stream().filter(u -> u.phase() == phase).forEach(u -> {
            for (long row = u.from(); row < u.to(); row++) {
                for (String series : readings.seriesIds()) {
                    ids.add(BenchReadings.id(series, readings.start(row)));
                }
            }
        });
        return ids;
    }

    long refusals() {
        return refusals.get();
    }

    @Override
    public void run() {
        long next = System.nanoTime();
        while (running) {
            int sentIn = phase;
            long from = nextRow;
            long to = from + rowsPerUpload;
            String csv = readings.csv(from, to);
            String origin = readings.run() + "-" + from + ".csv";
            int status;
            while ((status = uploader.upload(csv, origin)) != 202) {
                if (!running) {
                    // Stopped while a server is down: this upload was never acknowledged, so it is not "in".
                    return;
                }
                refusals.incrementAndGet();
                if (status >= 400 && status < 500 && status != 429 && status != 408) {
                    out.printf(Locale.ROOT, "feed: upload of rows %d-%d answered %d: a refusal no retry helps;"
                            + " the feed stops%n", from, to, status);
                    running = false;
                    return;
                }
                Pause.of(RETRY);
            }
            synchronized (this) {
                acked.add(new Upload(sentIn, from, to, System.nanoTime()));
            }
            nextRow = to;
            next += interval.toNanos();
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Pause.of(Duration.ofNanos(wait));
            } else {
                next = System.nanoTime();
            }
        }
    }
}
