package io.energywatch.gateway.system;

import io.energywatch.contracts.Topic;
import io.energywatch.contracts.Topics;
import io.energywatch.gateway.config.GatewayProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Topics (from contracts' {@link Topics}) and consumer groups with their lag, read with a Kafka Admin client opened
 * for the one question and closed after it (no connection kept, no background reconnects while Kafka is down). Each
 * step waits at most the configured Kafka timeout, so a dead broker is a DOWN entry within seconds.
 */
@Component
class KafkaStatusReader {

    private final String bootstrapServers;
    private final Duration timeout;

    KafkaStatusReader(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
                      GatewayProperties gateway) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = gateway.calls().kafkaTimeout();
    }

    SystemStatus.KafkaStatus read() {
        Properties config = new Properties();
        int millis = (int) timeout.toMillis();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "energywatch-gateway-system");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, (long) millis);
        config.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, (long) millis);
        Admin admin = Admin.create(config);
        try {
            Set<String> existing = get(admin.listTopics().names());
            List<String> known = Topics.ALL.stream().map(Topic::name).filter(existing::contains).toList();
            Map<String, TopicDescription> described = known.isEmpty() ? Map.of()
                    : get(admin.describeTopics(known).allTopicNames());

            Collection<GroupListing> groups = get(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all());
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new TreeMap<>();
            if (!groups.isEmpty()) {
                Map<String, ListConsumerGroupOffsetsSpec> specs = groups.stream().collect(Collectors.toMap(
                        GroupListing::groupId, g -> new ListConsumerGroupOffsetsSpec()));
                Map<String, Map<TopicPartition, OffsetAndMetadata>> offsets =
                        get(admin.listConsumerGroupOffsets(specs).all());
                offsets.forEach((group, partitions) -> committed.put(group, partitions == null ? Map.of()
                        : partitions));
            }

            Set<TopicPartition> partitions = new HashSet<>();
            described.values().forEach(d -> d.partitions().forEach(p -> partitions.add(
                    new TopicPartition(d.name(), p.partition()))));
            committed.values().forEach(p -> partitions.addAll(p.keySet()));
            Map<TopicPartition, Long> ends = endOffsets(admin, partitions);

            List<SystemStatus.TopicStatus> topics = Topics.ALL.stream().map(t -> {
                TopicDescription d = described.get(t.name());
                if (d == null) {
                    return new SystemStatus.TopicStatus(t.name(), false, 0, 0);
                }
                long records = d.partitions().stream()
                        .mapToLong(p -> ends.getOrDefault(new TopicPartition(t.name(), p.partition()), 0L)).sum();
                return new SystemStatus.TopicStatus(t.name(), true, d.partitions().size(), records);
            }).toList();

            Map<String, String> states = groups.stream().collect(Collectors.toMap(GroupListing::groupId,
                    g -> g.groupState().map(Enum::name).orElse("UNKNOWN")));
            List<SystemStatus.GroupStatus> consumerGroups = new ArrayList<>();
            committed.forEach((group, offsets) -> {
                Map<String, Long> byTopic = new TreeMap<>();
                offsets.forEach((partition, offset) -> {
                    long end = ends.getOrDefault(partition, 0L);
                    long lag = offset == null ? end : Math.max(0, end - offset.offset());
                    byTopic.merge(partition.topic(), lag, Long::sum);
                });
                consumerGroups.add(new SystemStatus.GroupStatus(group, states.getOrDefault(group, "UNKNOWN"),
                        byTopic.values().stream().mapToLong(Long::longValue).sum(),
                        byTopic.entrySet().stream().map(e -> new SystemStatus.TopicLag(e.getKey(), e.getValue()))
                                .toList()));
            });
            return new SystemStatus.KafkaStatus("UP", null, topics, consumerGroups);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            return down("Kafka at " + bootstrapServers + " did not answer within " + timeout.toMillis() + " ms ("
                    + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": "
                    + cause.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        } finally {
            admin.close(Duration.ZERO);
        }
    }

    private Map<TopicPartition, Long> endOffsets(Admin admin, Set<TopicPartition> partitions)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answers = get(admin.listOffsets(latest).all());
        Map<TopicPartition, Long> ends = new HashMap<>();
        answers.forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    private static SystemStatus.KafkaStatus down(String detail) {
        return new SystemStatus.KafkaStatus("DOWN", detail, List.of(), List.of());
    }

    private <T> T get(KafkaFuture<T> future) throws ExecutionException, InterruptedException, TimeoutException {
        return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
