package io.energywatch.fusion.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Every tunable of the fusion service; defaults in application.yml.
 *
 * @param streams     the Kafka Streams application that fuses consumption with its context
 * @param degreeDays  bases of heating and cooling degree days
 * @param indices     Elasticsearch aliases and index settings
 * @param indexing    the sink from the enriched topic to Elasticsearch
 */
@Validated
@ConfigurationProperties("energywatch.fusion")
public record FusionProperties(@Valid @NotNull Streams streams, @Valid @NotNull DegreeDays degreeDays,
                               @Valid @NotNull Indices indices, @Valid @NotNull Indexing indexing) {

    /**
     * @param applicationId     Kafka Streams application id: names the consumer group, internal topics and state
     * @param threads           stream threads (tasks are spread over them; 6 tasks for the 6 raw partitions)
     * @param stateDir          where RocksDB stores live
     * @param grace             how long (in stream time, after its local day ended) a day's consumption is kept so that
     *                          weather or a movement arriving later re-emits it; older consumption is still enriched
     *                          with what is known, but is not re-emitted
     * @param contextRetention  how long (stream time) weather and movement days are kept for late consumption
     * @param purgeInterval     how often (stream time) expired days are removed from the stores
     * @param contextPartitions partitions of the context broadcast topic; 0 = those of the consumption topic, read at
     *                          start-up (they must match: each consumption task reads the same-numbered partition)
     * @param commitInterval    transaction commit interval: latency against throughput under exactly_once_v2
     * @param weatherViewBootstrap how long the start-up waits for the weather view to read the raw weather topic to
     *                          its end before the fusion starts (longer only delays a start with Kafka unreachable)
     * @param recordCache       Kafka Streams record cache of the instance, used by the kept-measurements store only:
     *                          it absorbs the rewrites of a series' day between two commits (see KeptDay)
     * @param standbyReplicas   warm copies of each task's state kept by other instances of the same application id:
     *                          0 with one instance; 1 with two or more, so a task that moves (a pod stopped, a
     *                          scale-in) resumes from a copy instead of restoring its stores from the changelog
     * @param rocksdbMemory     off-heap memory all the instance's RocksDB stores share (block cache and memtables):
     *                          the kept measurements live there and on disk, not in the heap
     */
    public record Streams(@NotBlank String applicationId, @Min(1) @Max(16) int threads, @NotNull Path stateDir,
                          @NotNull Duration grace, @NotNull Duration contextRetention, @NotNull Duration purgeInterval,
                          @Min(0) @Max(1024) int contextPartitions, @NotNull Duration commitInterval,
                          @NotNull Duration weatherViewBootstrap, @NotNull DataSize recordCache,
                          @Min(0) @Max(3) int standbyReplicas, @NotNull DataSize rocksdbMemory) {
    }

    /**
     * @param heatingBaseC HDD = max(0, base - Tmean)
     * @param coolingBaseC CDD = max(0, Tmean - base)
     */
    public record DegreeDays(@DecimalMin("-10") @DecimalMax("30") double heatingBaseC,
                             @DecimalMin("10") @DecimalMax("40") double coolingBaseC) {
    }

    /**
     * @param enriched  alias over the monthly enriched indices (energywatch.stores.indices.enriched)
     * @param daily     alias over the monthly daily-aggregate indices (energywatch.stores.indices.daily)
     * @param shards    primary shards of each monthly index
     * @param replicas  replicas of each monthly index: 0 on a single node, 1 or more in production
     */
    public record Indices(@NotBlank String enriched, @NotBlank String daily,
                          @Min(1) @Max(64) int shards, @Min(0) @Max(8) int replicas) {
    }

    /**
     * @param groupId        consumer group of the sink
     * @param bulkSize       records per poll, so per bulk request
     * @param bulkRetries    retries of the items Elasticsearch refused for a transient reason (429, 5xx)
     * @param initialBackoff wait before the first retry, doubled each time
     * @param maxBackoff     longest wait between retries, also between redeliveries of a whole batch while
     *                       Elasticsearch is down (the batch is retried until it succeeds: its offsets are committed
     *                       only after Elasticsearch acknowledged it)
     * @param concurrency    listener threads
     * @param dailyDelay     longest time the daily documents of indexed batches wait to be recomputed while full
     *                       batches keep coming (a backlog): they are recomputed together, with one refresh, and the
     *                       batches' offsets committed after that; a batch smaller than {@code bulkSize} (caught up)
     *                       or an idle topic recomputes at once
     */
    public record Indexing(@NotBlank String groupId, @Min(1) @Max(20_000) int bulkSize, @Min(0) @Max(20) int bulkRetries,
                           @NotNull Duration initialBackoff, @NotNull Duration maxBackoff,
                           @Min(1) @Max(16) int concurrency, @NotNull Duration dailyDelay) {
    }
}
