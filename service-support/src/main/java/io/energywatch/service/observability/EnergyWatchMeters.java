package io.energywatch.service.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The platform's domain meters, named in one place (Prometheus shows {@code energywatch.records} as
 * {@code energywatch_records_total}). Tags stay low-cardinality: topics, kinds, hops, severities, types, horizons and
 * feature names, never series, job or event ids.
 */
public final class EnergyWatchMeters {

    /** Counter: records a service consumed ({@code direction=in}) or produced ({@code out}) per {@code topic}. */
    public static final String RECORDS = "energywatch.records";
    /** Counter: rows an ingestion job read per {@code kind} and {@code outcome} (accepted, rejected, duplicate). */
    public static final String INGESTION_RECORDS = "energywatch.ingestion.records";
    /** Timer (observation): one ingestion job's work, per {@code trigger}; also a span and the job id in the logs. */
    public static final String INGESTION_JOB = "energywatch.ingestion.job";
    /**
     * Gauge: ingestion jobs accepted (answered 202) and waiting for a worker. Not a Kafka lag: a backlog here is
     * readings the platform acknowledged that no consumer lag shows yet.
     */
    public static final String INGESTION_JOBS_WAITING = "energywatch.ingestion.jobs.waiting";
    /** Timer: now minus the record's ingestion time when a {@code hop} (enrichment, detection) handles it. */
    public static final String EVENT_AGE = "energywatch.event.age";
    /** Timer: scoring a batch of enriched records and recording its anomalies. */
    public static final String DETECTION_LATENCY = "energywatch.detection.latency";
    /** Counter: anomalies detected per {@code severity} and {@code type}. */
    public static final String ANOMALIES = "energywatch.anomalies";
    /** Distribution summary: the calibrated anomaly score (0..1) of every scored record. */
    public static final String ANOMALY_SCORE = "energywatch.anomaly.score";
    /** Gauge: the realised MAPE (%) of the latest scored forecasts per {@code horizon} (days ahead). */
    public static final String FORECAST_MAPE = "energywatch.forecast.mape";
    /** Gauge: the latest PSI of each drift {@code feature} (any model: the newest report that measured it). */
    public static final String DRIFT_PSI = "energywatch.drift.psi";
    /** Timer: one backtest job, per {@code outcome}. */
    public static final String BACKTEST = "energywatch.backtest";
    /** Counter: notification delivery attempts per {@code channel} (webhook, email) and {@code outcome} (sent, failed). */
    public static final String NOTIFICATIONS = "energywatch.notifications";
    /**
     * Timer: one drift run, per {@code trigger} (scheduled_light, scheduled_full, on_demand, upload) and {@code outcome}
     * (succeeded, failed).
     */
    public static final String DRIFT_RUN = "energywatch.drift.run";

    /** Percentiles published client-side, so a scrape shows p50/p95/p99 without a Prometheus server. */
    private static final double[] PERCENTILES = {0.5, 0.95, 0.99};

    private EnergyWatchMeters() {
    }

    public static Counter records(MeterRegistry registry, String topic, Direction direction) {
        return Counter.builder(RECORDS).description("records consumed or produced per topic")
                .tag("topic", topic).tag("direction", direction.tag()).register(registry);
    }

    public static Timer eventAge(MeterRegistry registry, String hop) {
        // Percentiles over the last hour rather than Micrometer's two minutes: a backlog drained a few minutes ago
        // still shows. (A percentile histogram would make them read 0 for replayed history beyond its last bucket.)
        return Timer.builder(EVENT_AGE).description("now minus the record's ingestion time at each hop")
                .tag("hop", hop).publishPercentiles(PERCENTILES)
                .distributionStatisticExpiry(Duration.ofHours(1)).distributionStatisticBufferLength(6)
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
    }

    /** A timer with the client-side percentiles of the platform's latency meters. */
    public static Timer.Builder latency(String name, String description) {
        return Timer.builder(name).description(description).publishPercentiles(PERCENTILES);
    }

    public static DistributionSummary.Builder distribution(String name, String description) {
        return DistributionSummary.builder(name).description(description).publishPercentiles(PERCENTILES);
    }

    /** Records {@code now - ingestedAt} on {@code age}; ages below zero (clock skew between hosts) count as zero. */
    public static void recordAge(Timer age, Clock clock, Instant ingestedAt) {
        Duration d = Duration.between(ingestedAt, clock.instant());
        age.record(d.isNegative() ? Duration.ZERO : d);
    }

    /** Which way records cross a topic. */
    public enum Direction {
        IN, OUT;

        String tag() {
            return this == IN ? "in" : "out";
        }
    }
}
