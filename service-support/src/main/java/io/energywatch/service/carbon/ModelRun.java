package io.energywatch.service.carbon;

import io.energywatch.analytics.carbon.RunMeter;
import io.energywatch.contracts.ModelRunCompleted.RunKind;
import org.jspecify.annotations.Nullable;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run being measured: tell it the model version and the rows as they become known, then end it once with
 * {@link #succeeded()} or {@link #failed(Throwable)}, which publish its {@code ModelRunCompleted}.
 */
public final class ModelRun {

    private final ModelRuns runs;
    private final String runId;
    private final RunKind kind;
    private final @Nullable RunMeter meter;
    private final AtomicLong rows = new AtomicLong();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile String modelId;
    private volatile @Nullable String version;

    ModelRun(ModelRuns runs, String runId, RunKind kind, String modelId, @Nullable RunMeter meter) {
        this.runs = runs;
        this.runId = runId;
        this.kind = kind;
        this.modelId = modelId;
        this.meter = meter;
    }

    /** The model version used or produced. */
    public ModelRun version(@Nullable String version) {
        this.version = version;
        return this;
    }

    /** The model id, when it is known only once the run has started (a training run that names its model). */
    public ModelRun modelId(String modelId) {
        this.modelId = modelId;
        return this;
    }

    /** Sets the rows read, scored or written. */
    public ModelRun rows(long rows) {
        this.rows.set(rows);
        return this;
    }

    /** Adds to the rows read, scored or written. */
    public ModelRun addRows(long rows) {
        this.rows.addAndGet(rows);
        return this;
    }

    public String runId() {
        return runId;
    }

    /** Ends the run as succeeded; later calls to either end do nothing. */
    public void succeeded() {
        if (ended.compareAndSet(false, true)) {
            runs.complete(this, null);
        }
    }

    /** Ends the run as failed with {@code error}; later calls to either end do nothing. */
    public void failed(Throwable error) {
        if (ended.compareAndSet(false, true)) {
            runs.complete(this, error);
        }
    }

    RunKind kind() {
        return kind;
    }

    String modelId() {
        return modelId;
    }

    @Nullable String version() {
        return version;
    }

    long rowCount() {
        return rows.get();
    }

    @Nullable RunMeter meter() {
        return meter;
    }
}
