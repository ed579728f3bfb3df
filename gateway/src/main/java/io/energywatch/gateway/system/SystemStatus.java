package io.energywatch.gateway.system;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * The platform as integrators' monitoring sees it: each service (health, version), each store as the services report
 * it, each topic and consumer group (lag).
 *
 * @param status UP when everything is, DOWN when no service answers, DEGRADED otherwise
 */
@Schema(description = "Health, versions and lag of every service, store, topic and consumer group")
public record SystemStatus(Instant generatedAt, String status, List<ServiceStatus> services,
                           List<StoreStatus> stores, KafkaStatus kafka) {

    /**
     * @param status     the service's health (UP, DOWN, ...; DOWN too when it does not answer)
     * @param version    its OpenAPI document's info.version (the build's version)
     * @param responseMs how long its health took to answer
     * @param detail     why it is not UP
     */
    public record ServiceStatus(String name, String status, @Nullable String version, long responseMs,
                                @Nullable String detail) {
    }

    /** A store (mongodb, elasticsearch, kafka): the worst status any service reports for it, and each report. */
    public record StoreStatus(String name, String status, List<StoreReport> reportedBy) {
    }

    public record StoreReport(String service, String status, @Nullable String error) {
    }

    /**
     * Kafka as the gateway's own Admin client sees it.
     *
     * @param detail why it is DOWN
     */
    public record KafkaStatus(String status, @Nullable String detail, List<TopicStatus> topics,
                              List<GroupStatus> consumerGroups) {
    }

    /**
     * A topic of contracts' Topics registry.
     *
     * @param records the sum of its partitions' end offsets (records ever written, compaction aside)
     */
    public record TopicStatus(String name, boolean exists, int partitions, long records) {
    }

    /** A consumer group: its state and how many records it has yet to read, in total and per topic. */
    public record GroupStatus(String groupId, String state, long lag, List<TopicLag> topics) {
    }

    public record TopicLag(String topic, long lag) {
    }
}
