package io.energywatch.ingestion.jobs;

import io.energywatch.contracts.DeadLetters;
import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.Topic;
import io.energywatch.contracts.Topics;
import io.energywatch.ingestion.config.IngestionProperties;
import io.energywatch.ingestion.formats.RecordSink;
import io.energywatch.ingestion.store.CommitResult;
import io.energywatch.ingestion.store.PublishFailedException;
import io.energywatch.ingestion.store.RawStore;
import io.energywatch.service.kafka.EventPublisher;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One attempt at one job: receives the parser's records, commits them in batches cut at line boundaries (so "lines
 * committed" is exact), dead-letters rejections, and writes the job's counters after each commit. Counters only ever
 * include what is committed, so a report never claims more than the store holds. Lines are counted in the order they
 * arrive, which a sorted upload makes differ from file order: "lines committed" is how many of them, in that order,
 * and since the order is the same at every attempt, a resumed attempt knows which rejections went out already.
 */
final class JobExecution implements RecordSink, AutoCloseable {

    private static final int MAX_DLQ_VALUE_CHARS = 64 * 1024;

    private final IngestionJob job;
    private final RawStore store;
    private final EventPublisher publisher;
    private final JobRepository jobs;
    private final IngestionProperties properties;
    private final Topic<?> rejectionTopic;
    private final JobMeters meters;

    private final List<EnergyWatchEvent> pendingEvents = new ArrayList<>();
    private final List<PendingRejection> pendingRejections = new ArrayList<>();
    /** Repeats the upload's duplicates policy dropped or merged, not yet committed. */
    private long pendingDuplicates;
    private final List<JobRejection> kept = new ArrayList<>();
    private long currentLine = -1;
    private long bytesRead;
    private long linesRead;
    private long recordsRead;
    private long accepted;
    private long rejected;
    private long duplicates;
    private long linesCommitted;
    private long batches;
    private long committedBytes;
    private long committedLines;
    private long committedRecords;

    /** @param position the rejection's line, counted in arrival order (1 = the first line that held a record) */
    private record PendingRejection(long line, long position, @Nullable String field, String reason, String raw) {
    }

    /** A batch stored and sent whose acknowledgements are still awaited, with what it will add to the counters. */
    private record InFlight(CompletableFuture<RawStore.StagedBatch> batch, List<CompletableFuture<?>> deadLetters,
                            long rejected, long duplicatesInUpload,
                            long upToLine, long bytesRead, long linesRead, long recordsRead) {
    }

    private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
    /** The batch whose acknowledgements {@link #finishOldest} is awaiting, until it is counted. */
    private RawStore.@Nullable StagedBatch completing;
    /** Stores batches in order; MongoDB writes of one batch overlap the sends of the one before. */
    private final ThreadPoolExecutor writer = singleThread("ingestion-writer");
    /** Sends stored batches in order, so each series' records reach its partition in file order. */
    private final ThreadPoolExecutor sender = singleThread("ingestion-sender");

    JobExecution(IngestionJob job, RawStore store, EventPublisher publisher, JobRepository jobs,
                 IngestionProperties properties, JobMeters meters) {
        this.meters = meters;
        this.job = job;
        this.store = store;
        this.publisher = publisher;
        this.jobs = jobs;
        this.properties = properties;
        this.rejectionTopic = switch (job.kind()) {
            case "weather" -> Topics.WEATHER_RAW;
            case "social-movements" -> Topics.SOCIAL_MOVEMENTS_RAW;
            case "weather-forecast" -> Topics.WEATHER_FORECASTS_RAW;
            default -> Topics.CONSUMPTION_RAW;
        };
    }

    @Override
    public void accept(long line, EnergyWatchEvent event) {
        atLine(line);
        pendingEvents.add(event);
    }

    @Override
    public void reject(long line, @Nullable String field, String reason, String raw) {
        atLine(line);
        pendingRejections.add(new PendingRejection(line, linesRead, field, reason, raw));
        if (kept.size() < properties.maxRejectionsKept()) {
            kept.add(new JobRejection(line, field, reason));
        }
    }

    @Override
    public void duplicate(long line, EnergyWatchEvent dropped) {
        atLine(line);
        pendingDuplicates++;
    }

    @Override
    public void progress(long bytes) {
        this.bytesRead = bytes;
    }

    /** Commits what is left and waits for every batch in flight; call once the parser has returned. */
    void complete() {
        commit();
        while (!inFlight.isEmpty()) {
            finishOldest();
        }
    }

    /**
     * Stops the writer and sender threads; batches not stored yet are dropped, and stored ones not sent stay in the
     * outbox for the relay: never half-written (see RawStore).
     */
    @Override
    public void close() {
        writer.shutdownNow();
        sender.shutdownNow();
    }

    /**
     * Ends this attempt after a store failed, without interrupting a write or send under way (each ends within its
     * client's timeouts), so no thread of this attempt touches the store once the job's next attempt starts. Returns the
     * batches that were sent: their acknowledgements may have arrived, and completing them (rather than relaying their
     * outbox entries) keeps their records from being published twice.
     */
    List<RawStore.StagedBatch> abandon(Duration wait) throws InterruptedException {
        writer.getQueue().clear();
        sender.getQueue().clear();
        writer.shutdown();
        sender.shutdown();
        long deadline = System.nanoTime() + wait.toNanos();
        writer.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        sender.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        List<RawStore.StagedBatch> sent = new ArrayList<>();
        if (completing != null) {
            sent.add(completing);
        }
        for (InFlight batch : inFlight) {
            if (batch.batch().isDone() && !batch.batch().isCompletedExceptionally()) {
                sent.add(batch.batch().join());
            }
        }
        inFlight.clear();
        return sent;
    }

    /** Totals of the batches Kafka has acknowledged: a report never claims more than is committed. */
    JobCounters counters() {
        return new JobCounters(committedBytes, committedLines, committedRecords, accepted, rejected, duplicates,
                linesCommitted);
    }

    private void atLine(long line) {
        if (line != currentLine) {
            if (pendingEvents.size() + pendingRejections.size() + pendingDuplicates >= properties.batchSize()) {
                commit();
            }
            currentLine = line;
            linesRead++;
        }
        recordsRead++;
    }

    /** Commits the pending records: every record of the first {@code linesRead} lines, in arrival order. */
    private void commit() {
        if (pendingEvents.isEmpty() && pendingRejections.isEmpty() && pendingDuplicates == 0) {
            return;
        }
        var prepared = RawStore.prepare(pendingEvents, job.id(), job.attempt(), ++batches);
        // Storing runs on the job's single writer thread and sending on its single sender thread: batches stay in
        // order on both, and parsing goes on meanwhile.
        var staged = CompletableFuture.supplyAsync(() -> store.store(prepared), writer)
                .thenApplyAsync(store::send, sender);
        inFlight.add(new InFlight(staged, deadLetter(), pendingRejections.size(), pendingDuplicates, linesRead,
                bytesRead, linesRead, recordsRead));
        pendingEvents.clear();
        pendingRejections.clear();
        pendingDuplicates = 0;
        while (inFlight.size() > properties.batchesInFlight()) {
            finishOldest();
        }
    }

    /** Waits for the oldest batch's acknowledgements, then counts it and writes the job's progress. */
    private void finishOldest() {
        InFlight oldest = inFlight.removeFirst();
        RawStore.StagedBatch staged;
        try {
            staged = oldest.batch().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        completing = staged;
        CommitResult result = store.complete(staged, properties.publishTimeout());
        completing = null;
        awaitDeadLetters(oldest.deadLetters());
        accepted += result.accepted();
        duplicates += result.duplicates() + oldest.duplicatesInUpload();
        rejected += oldest.rejected();
        meters.committed(job.kind(), result, oldest.rejected());
        linesCommitted = Math.max(linesCommitted, oldest.upToLine());
        committedBytes = oldest.bytesRead();
        committedLines = oldest.linesRead();
        committedRecords = oldest.recordsRead();
        jobs.progress(job.id(), counters(), kept);
    }

    /** Sends this batch's rejections to the dead-letter topic; lines an earlier attempt committed were sent already. */
    private List<CompletableFuture<?>> deadLetter() {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (PendingRejection r : pendingRejections) {
            if (r.position() <= job.linesCommitted()) {
                continue;
            }
            String raw = r.raw().length() > MAX_DLQ_VALUE_CHARS ? r.raw().substring(0, MAX_DLQ_VALUE_CHARS) : r.raw();
            sends.add(publisher.deadLetter(rejectionTopic, job.id(), raw.getBytes(StandardCharsets.UTF_8), Map.of(
                    DeadLetters.REASON, r.reason(),
                    DeadLetters.FIELD, r.field() == null ? "" : r.field(),
                    DeadLetters.LINE, Long.toString(r.line()),
                    DeadLetters.ORIGIN, job.origin(),
                    DeadLetters.JOB, job.id())));
        }
        return sends;
    }

    private static ThreadPoolExecutor singleThread(String name) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                Thread.ofPlatform().name(name).daemon(true).factory());
    }

    private void awaitDeadLetters(List<CompletableFuture<?>> sends) {
        if (sends.isEmpty()) {
            return;
        }
        publisher.flush();
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishFailedException("Kafka did not acknowledge " + sends.size() + " dead letters: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while dead-lettering", e);
        }
    }
}
