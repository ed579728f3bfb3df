package io.energywatch.service;

import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.EventSerde;
import io.energywatch.contracts.Topic;
import io.energywatch.contracts.Topics;
import io.energywatch.service.kafka.EventPublisher;
import io.energywatch.service.kafka.KafkaEventsProperties;
import io.energywatch.service.stores.StoreAccessProperties;
import io.energywatch.service.time.EventTimeProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every EnergyWatch service that uses Kafka gets by depending on service-support: the event publisher with
 * CloudEvents headers ({@code ce_source} = {@code /energywatch/<spring.application.name>}), the platform's topics, and
 * and (in {@code MongoPingHealthAutoConfiguration}) a MongoDB health check that tells the truth on both MongoDB and the wire
 * server.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.kafka.core.KafkaTemplate")
@EnableConfigurationProperties({KafkaEventsProperties.class, StoreAccessProperties.class, EventTimeProperties.class})
public class ServiceSupportAutoConfiguration {

    /** The CloudEvents source of this service's events. */
    public static String ceSource(String applicationName) {
        return "/energywatch/" + applicationName;
    }

    @Bean
    EventPublisher eventPublisher(KafkaProperties kafka, StoreAccessProperties stores,
                                  @Value("${spring.application.name}") String application,
                                  ObjectProvider<MeterRegistry> meters,
                                  ObjectProvider<ObservationRegistry> observations) {
        Map<String, Object> props = new HashMap<>(kafka.buildProducerProperties());
        // Nothing accepted may be lost or doubled: idempotent, acknowledged by all in-sync replicas.
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        // With the cluster down, a send without metadata would block its caller for Kafka's default 60 s.
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, stores.kafka().maxBlock().toMillis());
        // With the broker gone, sent records fail only after delivery.timeout.ms (120 s by default), and a flush
        // waits for them: bounded here so work waiting on Kafka learns of an outage in seconds.
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) stores.kafka().requestTimeout().toMillis());
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) stores.kafka().deliveryTimeout().toMillis());
        var eventProducers = new DefaultKafkaProducerFactory<String, EnergyWatchEvent>(props,
                new StringSerializer(), EventSerde.any(ceSource(application)));
        var rawProducers = new DefaultKafkaProducerFactory<String, byte[]>(props,
                new StringSerializer(), new ByteArraySerializer());
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            eventProducers.addListener(new MicrometerProducerListener<>(registry));
            rawProducers.addListener(new MicrometerProducerListener<>(registry));
        }
        var events = new KafkaTemplate<>(eventProducers);
        var deadLetters = new KafkaTemplate<>(rawProducers);
        // These templates are not beans, so they learn the registry here; an observed send writes the W3C
        // traceparent of the current span (a listener's, a job's, a request's) into the record's headers.
        ObservationRegistry observationRegistry = observations.getIfAvailable();
        if (observationRegistry != null && kafka.getTemplate().isObservationEnabled()) {
            for (KafkaTemplate<?, ?> t : List.of(events, deadLetters)) {
                t.setObservationRegistry(observationRegistry);
                t.setObservationEnabled(true);
            }
        }
        return new EventPublisher(events, deadLetters, ceSource(application));
    }

    @Bean
    @ConditionalOnProperty(name = "energywatch.kafka.create-topics", havingValue = "true", matchIfMissing = true)
    KafkaAdmin.NewTopics energywatchTopics(KafkaEventsProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        short replicas = properties.replicationFactor() < 1 ? 1 : properties.replicationFactor();
        for (Topic<?> t : Topics.ALL) {
            TopicBuilder b = TopicBuilder.name(t.name()).partitions(t.partitionsHint()).replicas(replicas);
            if (t.compacted()) {
                b.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            }
            topics.add(b.build());
            topics.add(TopicBuilder.name(t.dlq()).partitions(1).replicas(replicas).build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
