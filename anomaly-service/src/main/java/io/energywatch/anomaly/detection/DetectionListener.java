package io.energywatch.anomaly.detection;

import io.energywatch.anomaly.clustering.LoadProfiles;
import io.energywatch.contracts.AnomalyDetected;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.DeadLetters;
import io.energywatch.contracts.ModelRunCompleted.RunKind;
import io.energywatch.contracts.Topics;
import io.energywatch.service.carbon.ModelRuns;
import io.energywatch.service.kafka.EventPublisher;
import io.energywatch.service.observability.EnergyWatchMeters;
import io.energywatch.service.observability.EnergyWatchMeters.Direction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
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
    private final Counter consumed;
    private final Timer age;
    private final Timer latency;
    private final Clock clock = Clock.systemUTC();

    DetectionListener(SeriesDetectors detectors, AnomalyRecorder recorder, EventPublisher publisher,
                      LoadProfiles profiles, ModelRuns modelRuns, MeterRegistry meters) {
        this.detectors = detectors;
        this.recorder = recorder;
        this.publisher = publisher;
        this.profiles = profiles;
        this.modelRuns = modelRuns;
        this.consumed = EnergyWatchMeters.records(meters, Topics.CONSUMPTION_ENRICHED.name(), Direction.IN);
        this.age = EnergyWatchMeters.eventAge(meters, "detection");
        this.latency = EnergyWatchMeters.latency(EnergyWatchMeters.DETECTION_LATENCY,
                "scoring a batch of enriched records and recording its anomalies").register(meters);
    }

    @KafkaListener(id = DetectionConfiguration.LISTENER_ID,
            topics = "#{T(io.energywatch.contracts.Topics).CONSUMPTION_ENRICHED.name()}",
            containerFactory = DetectionConfiguration.CONTAINER_FACTORY, batch = "true")
    void detect(List<ConsumerRecord<String, ConsumptionEnriched>> batch) throws IOException {
        Timer.Sample started = Timer.start();
        modelRuns.measure(RunKind.SCORING, SCORING_RUN, run -> {
            run.rows(batch.size());
            score(batch);
            return null;
        });
        started.stop(latency);
    }

    private void score(List<ConsumerRecord<String, ConsumptionEnriched>> batch) throws IOException {
        List<AnomalyDetected> anomalies = new ArrayList<>();
        // Each anomaly's record continues the trace of the enriched record it was found in.
        Map<AnomalyDetected, Headers> traces = new IdentityHashMap<>();
        for (ConsumerRecord<String, ConsumptionEnriched> record : batch) {
            consumed.increment();
            if (record.value() == null) {
                deadLetter(record);
                continue;
            }
            EnergyWatchMeters.recordAge(age, clock, record.value().measurement().lineage().ingestedAt());
            detectors.score(record.value()).ifPresent(a -> {
                anomalies.add(a);
                traces.put(a, record.headers());
            });
            profiles.record(record.value());
        }
        recorder.record(anomalies, traces::get);
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
