package io.energywatch.service.kafka;

import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.EventSerde;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Listener containers for the platform's topics, built one way: string keys; the shared serde behind an
 * {@link ErrorHandlingDeserializer}, so an unreadable record reaches the error handler instead of stopping the
 * consumer; {@code read_committed}, so records of an aborted Kafka Streams transaction (the enriched topic is written
 * exactly-once) are never seen; offsets committed by the container only after the listener returned. Callers add what
 * is theirs: concurrency and the error handler.
 */
public final class EventListeners {

    /** Where a new consumer group starts. */
    public enum Start { EARLIEST, LATEST }

    /** One record per listener call, or batches (offsets committed per record or per batch). */
    public enum Delivery { RECORD, BATCH }

    private EventListeners() {
    }

    /**
     * @param maxPollRecords records per poll (the batch size of a batch listener); 0 keeps Kafka's default
     */
    public static <T extends EnergyWatchEvent> ConcurrentKafkaListenerContainerFactory<String, T> factory(
            KafkaProperties kafka, Class<T> type, String groupId, Start start, Delivery delivery, int maxPollRecords) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, start.name().toLowerCase(Locale.ROOT));
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        if (maxPollRecords > 0) {
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        }
        var values = new ErrorHandlingDeserializer<>(new EventSerde<>(type, null));
        var factory = new ConcurrentKafkaListenerContainerFactory<String, T>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), values));
        factory.setBatchListener(delivery == Delivery.BATCH);
        factory.getContainerProperties().setAckMode(delivery == Delivery.BATCH
                ? ContainerProperties.AckMode.BATCH : ContainerProperties.AckMode.RECORD);
        // A @KafkaListener's id becomes its group id unless told otherwise (idIsGroup), which silently replaced the
        // configured groups; applied after the endpoint's settings, this keeps the configured one for every listener.
        factory.setContainerCustomizer(container -> container.getContainerProperties().setGroupId(groupId));
        return factory;
    }

    /**
     * An error handler that retries a failed record or batch with exponential backoff (doubling from {@code initial}
     * up to {@code max}) and never gives up: a sink or store that is down delays what it receives, and nothing is
     * skipped, since the offsets stay uncommitted until the listener returns.
     */
    public static DefaultErrorHandler retryingUntilAccepted(Duration initial, Duration max) {
        var backOff = new ExponentialBackOff(initial.toMillis(), 2.0);
        backOff.setMaxInterval(max.toMillis());
        return new DefaultErrorHandler(backOff);
    }
}
