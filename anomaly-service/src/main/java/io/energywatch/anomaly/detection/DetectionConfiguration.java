package io.energywatch.anomaly.detection;

import io.energywatch.service.kafka.EventListeners;
import io.energywatch.analytics.anomaly.DetectorConfig;
import io.energywatch.analytics.anomaly.ScoreCombination;
import io.energywatch.analytics.anomaly.SeverityScale;
import io.energywatch.anomaly.alerts.AnomalyIndex;
import io.energywatch.anomaly.clustering.LoadProfiles;
import io.energywatch.anomaly.alerts.AnomalyStore;
import io.energywatch.anomaly.config.AnomalyProperties;
import io.energywatch.anomaly.models.ChampionModels;
import io.energywatch.anomaly.models.ForestSchedule;
import io.energywatch.anomaly.models.FrameHistory;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.service.kafka.EventPublisher;
import io.energywatch.service.observability.EnergyWatchMeters;
import io.energywatch.service.observability.TraceContinuation;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

import java.time.Clock;

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

    /**
     * The enriched stream's detector configuration: the configured preset ({@code consumption}, made for metered load:
     * a level-scaled daily profile, no heavy-tail widening) with its overrides and the configured severity bands.
     */
    static DetectorConfig streamConfig(AnomalyProperties.Detection detection) {
        var severity = detection.severity();
        return DetectorPresets.load(detection.detectorPreset(), detection.detector()).withSeverities(
                new SeverityScale(severity.threshold(), severity.medium(), severity.high(), severity.critical()));
    }

    @Bean
    SeriesDetectors seriesDetectors(AnomalyProperties properties, ChampionModels champions, FrameHistory frames,
                                    ForestSchedule schedule, MeterRegistry meters) {
        return new SeriesDetectors(streamConfig(properties.detection()), champions, frames, schedule,
                new ScoreCombination(properties.models().forestAlone()),
                new AnomalyFactory(properties.pricePerMwhEur()), properties.detection().rememberedAnomalies(),
                Clock.systemUTC(), EnergyWatchMeters.distribution(EnergyWatchMeters.ANOMALY_SCORE,
                        "calibrated anomaly score of every scored record").register(meters)::record);
    }

    @Bean
    AnomalyRecorder anomalyRecorder(AnomalyStore store, AnomalyIndex index, EventPublisher publisher,
                                    AnomalyProperties properties, TraceContinuation traces, MeterRegistry meters) {
        return new AnomalyRecorder(store, index, publisher, properties.detection().publishTimeout(), traces, meters);
    }

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, ConsumptionEnriched> enrichedDetectionContainerFactory(
            KafkaProperties kafka, AnomalyProperties properties, SeriesDetectors detectors, LoadProfiles profiles,
            ChampionModels champions) {
        var detection = properties.detection();
        var factory = EventListeners.factory(kafka, ConsumptionEnriched.class, detection.groupId(),
                EventListeners.Start.EARLIEST, EventListeners.Delivery.BATCH, detection.maxPollRecords());
        factory.setConcurrency(1);
        // After a restart, what the detectors learned is replayed from the topic before new records are scored.
        factory.getContainerProperties().setConsumerRebalanceListener(
                new DetectorRebuild(detectors, profiles, champions, factory.getConsumerFactory()));
        var errors = EventListeners.retryingUntilAccepted(detection.initialBackoff(), detection.maxBackoff());
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
