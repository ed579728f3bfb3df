package io.energywatch.drift.window;

import io.energywatch.service.kafka.EventListeners;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.DeadLetters;
import io.energywatch.contracts.Topics;
import io.energywatch.drift.config.DriftProperties;
import io.energywatch.service.kafka.EventPublisher;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.util.backoff.FixedBackOff;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The window's listener container: batches, the window refilled from the earliest record the topic keeps (the window
 * is memory, so a restart must read back), and an unreadable record sent to the topic's dead-letter topic with its
 * reason rather than skipped silently.
 */
@Configuration(proxyBeanMethods = false)
class WindowConfiguration {

    static final String LISTENER_ID = "drift-window";
    static final String CONTAINER_FACTORY = "driftWindowContainerFactory";

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, ConsumptionEnriched> driftWindowContainerFactory(
            KafkaProperties kafka, DriftProperties properties, EventPublisher publisher) {
        var factory = EventListeners.factory(kafka, ConsumptionEnriched.class, properties.window().groupId(),
                EventListeners.Start.EARLIEST, EventListeners.Delivery.BATCH, 2_000);
        // An unreadable record will not become readable: dead-letter it at once, with the bytes and the reason.
        factory.setCommonErrorHandler(new DefaultErrorHandler((record, failure) -> {
            DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(record,
                    KafkaUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, null);
            byte[] bytes = unreadable != null ? unreadable.getData()
                    : String.valueOf(record.value()).getBytes(StandardCharsets.UTF_8);
            String reason = unreadable == null ? String.valueOf(failure.getMessage())
                    : unreadable.getCause() == null ? unreadable.getMessage()
                    : unreadable.getMessage() + ": " + unreadable.getCause().getMessage();
            publisher.deadLetter(Topics.CONSUMPTION_ENRICHED, String.valueOf(record.key()), bytes,
                    Map.of(DeadLetters.REASON, reason)).join();
        }, new FixedBackOff(0, 0)));
        return factory;
    }
}
