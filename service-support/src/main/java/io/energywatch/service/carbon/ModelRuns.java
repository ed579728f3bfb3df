package io.energywatch.service.carbon;

import io.energywatch.analytics.carbon.CarbonMeter;
import io.energywatch.analytics.carbon.Measurement;
import io.energywatch.contracts.ModelRunCompleted;
import io.energywatch.contracts.ModelRunCompleted.RunKind;
import io.energywatch.contracts.ModelRunCompleted.RunStatus;
import io.energywatch.contracts.Topics;
import io.energywatch.service.kafka.EventPublisher;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Measures a service's model runs and publishes each as a {@code ModelRunCompleted} on
 * {@code energywatch.model-runs.v1}. A run is recorded in two lines:
 * <pre>{@code
 * return modelRuns.measure(RunKind.TRAINING, modelId, run -> trainer.train(...));
 * }</pre>
 * or {@code start(...)} then {@code succeeded()}/{@code failed(e)} when the run ends elsewhere. A run measured inside
 * another {@code measure} on the same thread is its child, and the parent's figures exclude it. The record is telemetry:
 * it is sent from a background thread, so a run never waits for Kafka (a send without metadata blocks for
 * {@code max.block.ms} while Kafka is down), and a send that fails is logged with the run's figures and never fails the
 * run itself.
 */
public class ModelRuns implements AutoCloseable {

    /** Runs waiting to be sent at most; beyond, a run is logged as not published (Kafka down for long). */
    private static final int MAX_PENDING = 10_000;

    private static final Logger log = LoggerFactory.getLogger(ModelRuns.class);

    private final @Nullable EventPublisher publisher;
    private final @Nullable CarbonMeter meter;
    private final String service;
    private final int maxErrorMessage;
    private final Executor sender;
    /** Told of every measured run once it is published (MLflow metrics of a training run, for example). */
    private final List<Consumer<ModelRunCompleted>> listeners = new CopyOnWriteArrayList<>();
    /** The run {@link #measure} is executing on this thread: the parent of runs started inside it. */
    private final ThreadLocal<ModelRun> current = new ThreadLocal<>();

    /**
     * Runs sent from one background thread.
     *
     * @param meter null when measuring is off: runs still execute, nothing is published
     */
    public ModelRuns(@Nullable EventPublisher publisher, @Nullable CarbonMeter meter, String service,
                     int maxErrorMessage) {
        this(publisher, meter, service, maxErrorMessage, new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(MAX_PENDING), Thread.ofPlatform().name("model-runs-sender").daemon(true)
                .factory()));
    }

    /**
     * @param sender where runs are sent and listeners told (a direct executor in tests)
     */
    public ModelRuns(@Nullable EventPublisher publisher, @Nullable CarbonMeter meter, String service,
                     int maxErrorMessage, Executor sender) {
        if (meter != null && publisher == null) {
            throw new IllegalArgumentException("a measured run needs a publisher");
        }
        this.sender = sender;
        this.publisher = publisher;
        this.meter = meter;
        this.service = service;
        this.maxErrorMessage = maxErrorMessage;
    }

    /** The work of a run; it may throw what its caller throws. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run(ModelRun run) throws E;
    }

    /** Runs neither measured nor published: for logic run outside a service (plain tests, benchmarks). */
    public static ModelRuns unmeasured() {
        return new ModelRuns(null, null, "unmeasured", 0, Runnable::run);
    }

    /** Starts measuring a run of {@code modelId}. */
    public ModelRun start(RunKind kind, String modelId) {
        return new ModelRun(this, UUID.randomUUID().toString(), kind, modelId, meter == null ? null : meter.start(),
                current.get());
    }

    /** Runs {@code work} as one measured run: succeeded when it returns, failed (and rethrown) when it throws. */
    public <T, E extends Exception> T measure(RunKind kind, String modelId, Work<T, E> work) throws E {
        ModelRun run = start(kind, modelId);
        ModelRun outer = current.get();
        current.set(run);
        T result;
        try {
            result = work.run(run);
        } catch (Exception | Error e) {
            current.set(outer);
            run.failed(e);
            throw e;
        }
        current.set(outer);
        run.succeeded();
        return result;
    }

    /**
     * Calls {@code listener} with every measured run this service completes, on the sending thread after the run is
     * sent; a listener that throws is logged and does not fail the run.
     */
    public void addListener(Consumer<ModelRunCompleted> listener) {
        listeners.add(listener);
    }

    /** The meter, or null when measuring is off. */
    public @Nullable CarbonMeter meter() {
        return meter;
    }

    void complete(ModelRun run, @Nullable Throwable error) {
        if (run.meter() == null || publisher == null) {
            return;
        }
        Measurement m = run.meter().stop();
        if (run.parent() != null) {
            run.parent().childMeasured(m.cpuSeconds(), m.cpuKwh(), m.ramKwh());
        }
        // Exclusive figures: what the children measured is theirs.
        double cpuSeconds = Math.max(0, m.cpuSeconds() - run.childCpuSeconds());
        double cpuKwh = Math.max(0, m.cpuKwh() - run.childCpuKwh());
        double ramKwh = Math.max(0, m.ramKwh() - run.childRamKwh());
        double totalKwh = (cpuKwh + ramKwh) * m.pue();
        var event = new ModelRunCompleted(null, run.runId(), service, run.modelId(), run.version(), run.kind(),
                m.startedAt(), m.endedAt(), m.wallSeconds(), cpuSeconds, m.peakHeapBytes(), run.rowCount(),
                error == null ? RunStatus.SUCCEEDED : RunStatus.FAILED,
                error == null ? null : error.getClass().getName(),
                error == null ? null : truncate(error.getMessage()),
                cpuKwh, ramKwh, totalKwh, totalKwh * m.intensityGPerKwh(), m.intensityGPerKwh(), m.pue(),
                m.method().label());
        try {
            sender.execute(() -> send(event));
        } catch (RejectedExecutionException e) {
            lost(event, e);
        }
    }

    private void send(ModelRunCompleted event) {
        try {
            publisher.publish(Topics.MODEL_RUNS, event.modelId(), event).whenComplete((ok, failure) -> {
                if (failure != null) {
                    lost(event, failure);
                }
            });
        } catch (RuntimeException e) {
            lost(event, e);
        }
        for (Consumer<ModelRunCompleted> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("model run {} of {}: a listener failed: {}", event.runId(), event.modelId(), e.toString());
            }
        }
    }

    /** Sends what is pending for a few seconds at most, then stops the sending thread. */
    @Override
    public void close() {
        if (sender instanceof ExecutorService executor) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                    log.warn("{} model runs not sent at shutdown", executor.shutdownNow().size());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void lost(ModelRunCompleted event, Throwable failure) {
        log.warn("model run {} of {} ({}, {} rows, {} kWh, {} gCO2) not published: {}", event.runId(),
                event.modelId(), event.kind(), event.rows(), event.energyKwh(), event.co2Grams(),
                failure.toString());
    }

    private @Nullable String truncate(@Nullable String message) {
        if (message == null || message.length() <= maxErrorMessage) {
            return message;
        }
        return message.substring(0, maxErrorMessage);
    }
}
