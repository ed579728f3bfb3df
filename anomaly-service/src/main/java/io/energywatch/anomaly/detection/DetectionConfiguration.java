package io.energywatch.anomaly.detection;

import io.energywatch.analytics.anomaly.DetectorConfig;
import io.energywatch.anomaly.alerts.AnomalyIndex;
import io.energywatch.anomaly.alerts.AnomalyStore;
import io.energywatch.anomaly.config.AnomalyProperties;
import io.energywatch.anomaly.models.ChampionModels;
import io.energywatch.anomaly.models.FrameHistory;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.EventSerde;
import io.energywatch.service.kafka.EventPublisher;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RetryListener;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Streaming detection's wiring. The listener container reads batches (read_committed: fusion writes with Kafka Streams
 * transactions), commits offsets only after the listener returned, i.e. after MongoDB, Elasticsearch and the anomalies
 * topic acknowledged, and retries a failed batch with backoff for as long as it takes. One consumer thread: detectors
 * need each series' rows in order, which one partition per key already gives.
 */
@Configuration(proxyBeanMethods = false)
class DetectionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DetectionConfiguration.class);

    static final String LISTENER_ID = "anomaly-detector";
    static final String CONTAINER_FACTORY = "enrichedDetectionContainerFactory";

    @Bean
    SeriesDetectors seriesDetectors(AnomalyProperties properties, ChampionModels champions, FrameHistory frames) {
        return new SeriesDetectors(DetectorConfig.defaults(), champions, frames,
                new AnomalyFactory(properties.pricePerMwhEur()), properties.detection().rememberedAnomalies(),
                Clock.systemUTC());
    }

    @Bean
    AnomalyRecorder anomalyRecorder(AnomalyStore store, AnomalyIndex index, EventPublisher publisher,
                                    AnomalyProperties properties) {
        return new AnomalyRecorder(store, index, publisher, properties.detection().publishTimeout());
    }

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, ConsumptionEnriched> enrichedDetectionContainerFactory(
            KafkaProperties kafka, AnomalyProperties properties) {
        var detection = properties.detection();
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, detection.groupId());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, detection.maxPollRecords());
        var values = new ErrorHandlingDeserializer<>(EventSerde.of(ConsumptionEnriched.class, "unused"));
        var factory = new ConcurrentKafkaListenerContainerFactory<String, ConsumptionEnriched>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), values));
        factory.setBatchListener(true);
        factory.setConcurrency(1);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        var backOff = new ExponentialBackOff(detection.initialBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(detection.maxBackoff().toMillis());
        var errors = new DefaultErrorHandler(backOff);
        // Each failed attempt is visible: the batch waits, uncommitted, until the stores and the topic accept it.
        errors.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int attempt) {
                log.warn("Detection of {} failed (attempt {}), retrying: {}", record.key(), attempt, ex.toString());
            }

            @Override
            public void failedDelivery(ConsumerRecords<?, ?> records, Exception ex, int attempt) {
                log.warn("Detection batch of {} records failed (attempt {}), retrying", records.count(), attempt, ex);
            }
        });
        factory.setCommonErrorHandler(errors);
        return factory;
    }
}
