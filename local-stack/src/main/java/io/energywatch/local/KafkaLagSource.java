package io.energywatch.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Consumer lag read from Kafka with the admin client: per partition a group reads (the ones it committed and the ones
 * assigned to its members), the end offset minus the committed offset. A group is unknown while it has neither
 * members nor committed offsets; one whose members have no partitions yet has lag 0.
 *
 * <p>The platform's topics are written in transactions (the ingestion relay, the Kafka Streams fusion), and each
 * transaction ends with a commit marker that takes an offset but is no record. A listener commits "last record + 1",
 * so a group that has read everything can stay one offset short of the end forever. A small difference is therefore
 * checked by reading, {@code read_committed}, what lies between the committed offset and the end: only records count.
 */
final class KafkaLagSource implements LagSource, AutoCloseable {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PROBE_POLL = Duration.ofMillis(200);
    /** Markers between a group's committed offset and the end: one per transaction since its last record. */
    static final long PROBE_LIMIT = 1_000;
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> probe;
    private final long probeLimit;
    private final Duration probeTimeout;

    /**
     * @param probeLimit   differences up to this many offsets per partition are read to tell markers from records;
     *                     above it the group is plainly behind and the difference is its lag
     * @param probeTimeout how long the reading may take; a partition not read to its end by then (an open
     *                     transaction, say) keeps its offset difference as lag
     */
    static KafkaLagSource of(PlatformConfig platform) {
        return new KafkaLagSource(platform.host() + ":" + platform.port("kafka"), PROBE_LIMIT, PROBE_TIMEOUT);
    }

    KafkaLagSource(String bootstrapServers, long probeLimit, Duration probeTimeout) {
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis()));
        this.probe = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.probeLimit = probeLimit;
        this.probeTimeout = probeTimeout;
    }

    @Override
    public List<GroupLag> lag(List<String> groups) {
        // Committed offsets first, end offsets after: a record written in between shows as lag, never the reverse.
        var committed = new HashMap<String, Map<TopicPartition, Long>>();
        var read = new HashMap<String, Set<TopicPartition>>();
        var known = new HashSet<String>();
        for (String group : groups) {
            Map<TopicPartition, Long> offsets = committedOffsets(group);
            Set<TopicPartition> partitions = new HashSet<>(offsets.keySet());
            Optional<Set<TopicPartition>> assigned = assignedPartitions(group);
            assigned.ifPresent(partitions::addAll);
            if (!offsets.isEmpty() || assigned.isPresent()) {
                known.add(group);
            }
            committed.put(group, offsets);
            read.put(group, partitions);
        }
        Set<TopicPartition> all = read.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        Map<TopicPartition, Long> ends = offsets(all, OffsetSpec.latest());
        Map<TopicPartition, Long> starts = offsets(all, OffsetSpec.earliest());
        var lags = new ArrayList<GroupLag>();
        for (String group : groups) {
            if (!known.contains(group)) {
                lags.add(GroupLag.unknown(group));
                continue;
            }
            // A group whose members have nothing assigned yet (its topic not created) has nothing to read.
            Set<TopicPartition> partitions = read.get(group);
            long total = 0;
            for (TopicPartition partition : partitions) {
                long end = ends.getOrDefault(partition, 0L);
                // A partition assigned but never committed is read from its start (the platform's groups start at
                // the earliest offset).
                long from = committed.get(group).getOrDefault(partition, starts.getOrDefault(partition, 0L));
                total += recordsBetween(partition, from, end);
            }
            lags.add(GroupLag.of(group, total));
        }
        return lags;
    }

    private Map<TopicPartition, Long> committedOffsets(String group) {
        Map<TopicPartition, OffsetAndMetadata> offsets = get(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata(), "the committed offsets of " + group);
        var result = new HashMap<TopicPartition, Long>();
        offsets.forEach((partition, offset) -> {
            if (offset != null) {
                result.put(partition, offset.offset());
            }
        });
        return result;
    }

    /** The partitions assigned to the group's members; empty when the group has no members. */
    private Optional<Set<TopicPartition>> assignedPartitions(String group) {
        try {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).describedGroups()
                    .get(group).get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (description.members().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(description.members().stream().map(MemberDescription::assignment)
                    .flatMap(assignment -> assignment.topicPartitions().stream()).collect(Collectors.toSet()));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return Optional.empty();
            }
            throw new StackException("cannot describe consumer group " + group + ": " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new StackException("Kafka did not describe consumer group " + group + " within "
                    + REQUEST_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while reading consumer lag", e);
        }
    }

    private Map<TopicPartition, Long> offsets(Set<TopicPartition> partitions, OffsetSpec spec) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        var request = partitions.stream().collect(Collectors.toMap(partition -> partition, partition -> spec));
        var result = new HashMap<TopicPartition, Long>();
        get(admin.listOffsets(request).all(), "the offsets of " + partitions)
                .forEach((partition, info) -> result.put(partition, info.offset()));
        return result;
    }

    /** Records (not transaction markers, not aborted records) at offsets {@code [from, end)} of a partition. */
    private long recordsBetween(TopicPartition partition, long from, long end) {
        long difference = Math.max(0, end - from);
        if (difference == 0 || difference > probeLimit) {
            return difference;
        }
        probe.assign(List.of(partition));
        probe.seek(partition, from);
        long records = 0;
        long deadline = System.nanoTime() + probeTimeout.toNanos();
        try {
            while (probe.position(partition) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : probe.poll(PROBE_POLL)) {
                    if (record.offset() < end) {
                        records++;
                    }
                }
            }
            return probe.position(partition) >= end ? records : difference;
        } catch (KafkaException e) {
            throw new StackException("cannot read " + partition + " from offset " + from + ": " + e.getMessage(), e);
        } finally {
            probe.unsubscribe();
        }
    }

    private static <T> T get(KafkaFuture<T> future, String what) {
        try {
            return future.get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new StackException("cannot read " + what + " from Kafka: " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new StackException("Kafka did not answer for " + what + " within " + REQUEST_TIMEOUT.toSeconds()
                    + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while reading consumer lag", e);
        }
    }

    @Override
    public void close() {
        probe.close();
        admin.close();
    }
}
