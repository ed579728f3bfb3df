package io.energywatch.service.carbon;

import io.energywatch.analytics.carbon.RunMeter;
import io.energywatch.contracts.ModelRunCompleted.RunKind;
import org.jspecify.annotations.Nullable;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * One run being measured: tell it the model version and the rows as they become known, then end it once with
 * {@link #succeeded()} or {@link #failed(Throwable)}, which publish its {@code ModelRunCompleted}. A run measured inside
 * another on the same thread (a training inside a forecast issuance) is its child: the parent's CPU seconds and energy
 * exclude the children's, so the runs of a period add up without counting anything twice.
 */
public final class ModelRun {

    private final ModelRuns runs;
    private final String runId;
    private final RunKind kind;
    private final @Nullable RunMeter meter;
    private final @Nullable ModelRun parent;
    private final DoubleAdder childCpuSeconds = new DoubleAdder();
    private final DoubleAdder childCpuKwh = new DoubleAdder();
    private final DoubleAdder childRamKwh = new DoubleAdder();
    private final AtomicLong rows = new AtomicLong();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile String modelId;
    private volatile @Nullable String version;

    ModelRun(ModelRuns runs, String runId, RunKind kind, String modelId, @Nullable RunMeter meter,
             @Nullable ModelRun parent) {
        this.runs = runs;
        this.parent = parent;
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

    @Nullable ModelRun parent() {
        return parent;
    }

    /** A child run ended: its share, in its own (inclusive) figures, is taken out of this run's. */
    void childMeasured(double cpuSeconds, double cpuKwh, double ramKwh) {
        childCpuSeconds.add(cpuSeconds);
        childCpuKwh.add(cpuKwh);
        childRamKwh.add(ramKwh);
    }

    double childCpuSeconds() {
        return childCpuSeconds.sum();
    }

    double childCpuKwh() {
        return childCpuKwh.sum();
    }

    double childRamKwh() {
        return childRamKwh.sum();
    }
}
