package io.energywatch.anomaly.detection;

import io.energywatch.anomaly.clustering.LoadProfiles;
import io.energywatch.contracts.AnomalyDetected;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.DeadLetters;
import io.energywatch.contracts.ModelRunCompleted.RunKind;
import io.energywatch.contracts.Topics;
import io.energywatch.service.carbon.ModelRuns;
import io.energywatch.service.kafka.EventPublisher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * The enriched stream in: scores every record, adds it to the load profiles, dead-letters unreadable ones, and hands the batch's anomalies to the
 * recorder. Throwing leaves the batch uncommitted, and the container redelivers it. Each batch is one measured scoring
 * run: a batch mixes the series of several models, so the run is recorded under {@link #SCORING_RUN}.
 */
@Component
class DetectionListener {

    /** The model id of scoring runs: the detection stream, whose batches span every group's forest. */
    static final String SCORING_RUN = "anomaly-detection";

    private final SeriesDetectors detectors;
    private final AnomalyRecorder recorder;
    private final EventPublisher publisher;
    private final LoadProfiles profiles;
    private final ModelRuns modelRuns;

    DetectionListener(SeriesDetectors detectors, AnomalyRecorder recorder, EventPublisher publisher,
                      LoadProfiles profiles, ModelRuns modelRuns) {
        this.detectors = detectors;
        this.recorder = recorder;
        this.publisher = publisher;
        this.profiles = profiles;
        this.modelRuns = modelRuns;
    }

    @KafkaListener(id = DetectionConfiguration.LISTENER_ID,
            topics = "#{T(io.energywatch.contracts.Topics).CONSUMPTION_ENRICHED.name()}",
            containerFactory = DetectionConfiguration.CONTAINER_FACTORY, batch = "true")
    void detect(List<ConsumerRecord<String, ConsumptionEnriched>> batch) throws IOException {
        modelRuns.measure(RunKind.SCORING, SCORING_RUN, run -> {
            run.rows(batch.size());
            score(batch);
            return null;
        });
    }

    private void score(List<ConsumerRecord<String, ConsumptionEnriched>> batch) throws IOException {
        List<AnomalyDetected> anomalies = new ArrayList<>();
        for (ConsumerRecord<String, ConsumptionEnriched> record : batch) {
            if (record.value() == null) {
                deadLetter(record);
                continue;
            }
            detectors.score(record.value()).ifPresent(anomalies::add);
            profiles.record(record.value());
        }
        recorder.record(anomalies);
    }

    private void deadLetter(ConsumerRecord<String, ConsumptionEnriched> record) throws IOException {
        DeserializationException failure = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, null);
        byte[] bytes = failure == null ? new byte[0] : failure.getData();
        String reason = failure == null ? "a tombstone on the enriched topic" : failure.getMessage();
        try {
            publisher.deadLetter(Topics.CONSUMPTION_ENRICHED, record.key(), bytes == null ? new byte[0] : bytes,
                    Map.of(DeadLetters.REASON, reason == null ? "unreadable" : reason,
                            DeadLetters.ORIGIN, Topics.CONSUMPTION_ENRICHED.name())).get();
        } catch (ExecutionException e) {
            throw new IOException("dead letter not acknowledged", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
