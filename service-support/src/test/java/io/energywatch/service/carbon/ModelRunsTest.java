package io.energywatch.service.carbon;

import io.energywatch.analytics.carbon.CarbonMeter;
import io.energywatch.analytics.carbon.CarbonSettings;
import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.EventSerde;
import io.energywatch.contracts.ModelRunCompleted;
import io.energywatch.contracts.ModelRunCompleted.RunKind;
import io.energywatch.contracts.ModelRunCompleted.RunStatus;
import io.energywatch.contracts.Topics;
import io.energywatch.service.kafka.EventPublisher;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ModelRunsTest {

    @TempDir
    Path dir;

    /** One producer for every send: KafkaTemplate closes a mock factory's producer after each. */
    private final MockProducer<String, EnergyWatchEvent> producer = new MockProducer<>(true, null,
            new StringSerializer(), EventSerde.any("/energywatch/test")) {
        @Override
        public void close(Duration timeout) {
        }
    };

    private EventPublisher publisher() {
        var events = new KafkaTemplate<>(new MockProducerFactory<>(() -> producer));
        var bytes = new KafkaTemplate<>(new MockProducerFactory<>(() -> new MockProducer<>(true, null,
                new StringSerializer(), new ByteArraySerializer())));
        return new EventPublisher(events, bytes, "/energywatch/test");
    }

    private ModelRuns modelRuns(boolean measuring) {
        CarbonMeter meter = measuring
                ? CarbonMeter.forThisMachine(CarbonSettings.defaults(), dir.resolve("powercap"), dir.resolve("cpu"))
                : null;
        // Sent in the caller's thread here, so the test sees the records at once.
        return new ModelRuns(publisher(), meter, "test-service", 20, Runnable::run);
    }

    @Test
    void aRunThatReturnsIsPublishedAsSucceededWithItsRowsVersionAndEnergy() {
        var runs = modelRuns(true);
        String answer = runs.measure(RunKind.TRAINING, "if-electricity-FR", run -> {
            run.version("3").rows(17_520);
            return "trained";
        });
        assertThat(answer).isEqualTo("trained");

        assertThat(producer.history()).hasSize(1);
        var record = producer.history().getFirst();
        assertThat(record.topic()).isEqualTo(Topics.MODEL_RUNS.name());
        assertThat(record.key()).isEqualTo("if-electricity-FR");
        var event = (ModelRunCompleted) record.value();
        assertThat(event.service()).isEqualTo("test-service");
        assertThat(event.modelVersion()).isEqualTo("3");
        assertThat(event.kind()).isEqualTo(RunKind.TRAINING);
        assertThat(event.rows()).isEqualTo(17_520);
        assertThat(event.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(event.method()).isEqualTo("cpu-time");
        assertThat(event.energyKwh()).isPositive().isEqualTo(event.cpuEnergyKwh() + event.ramEnergyKwh());
        assertThat(event.co2Grams()).isEqualTo(event.energyKwh() * 56.039);
        assertThat(event.endedAt()).isAfterOrEqualTo(event.startedAt());
    }

    @Test
    void aRunThatThrowsIsPublishedAsFailedAndTheErrorReachesTheCaller() {
        var runs = modelRuns(true);
        assertThatThrownBy(() -> runs.measure(RunKind.BACKTEST, "gbm-electricity-FR", run -> {
            run.addRows(10).addRows(5);
            throw new IOException("Elasticsearch refused the window 2024-03 of gbm-electricity-FR");
        })).isInstanceOf(IOException.class);

        var event = (ModelRunCompleted) producer.history().getFirst().value();
        assertThat(event.status()).isEqualTo(RunStatus.FAILED);
        assertThat(event.errorType()).isEqualTo("java.io.IOException");
        assertThat(event.errorMessage()).as("truncated to 20 characters").isEqualTo("Elasticsearch refuse");
        assertThat(event.rows()).isEqualTo(15);
    }

    @Test
    void aRunInsideAnotherIsItsChildAndTheParentExcludesItsEnergy() {
        var runs = modelRuns(true);
        runs.measure(RunKind.FORECAST_ISSUANCE, "forecast-issuance", issuance -> {
            burn();
            return runs.measure(RunKind.TRAINING, "gbm-electricity-FR-h1", training -> burn());
        });
        var training = (ModelRunCompleted) producer.history().get(0).value();
        var issuance = (ModelRunCompleted) producer.history().get(1).value();
        assertThat(training.kind()).isEqualTo(RunKind.TRAINING);
        assertThat(issuance.kind()).isEqualTo(RunKind.FORECAST_ISSUANCE);
        assertThat(training.cpuSeconds()).isPositive();
        // The issuance lasted longer than the training; its memory energy is the rest of its duration only.
        assertThat(issuance.durationSeconds()).isGreaterThan(training.durationSeconds());
        double ramWatts = runs.meter().ramWatts();
        assertThat(issuance.ramEnergyKwh()).isCloseTo(
                ramWatts * (issuance.durationSeconds() - training.durationSeconds()) / 3.6e6,
                within(1e-12));
        assertThat(issuance.energyKwh()).isEqualTo(issuance.cpuEnergyKwh() + issuance.ramEnergyKwh());
    }

    /**
     * Burns CPU until the process's CPU clock has moved by 50 ms. The OS reports process CPU time in scheduler ticks
     * (10 ms on many kernels), so a fixed amount of work can read as zero on a fast machine.
     */
    private static double burn() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long until = os.getProcessCpuTime() + 50_000_000L;
        double sink = 0;
        while (os.getProcessCpuTime() < until) {
            for (int i = 0; i < 200_000; i++) {
                sink += Math.sqrt(i);
            }
        }
        return sink;
    }

    @Test
    void listenersHearOfEveryRunAndOneThatFailsDoesNotFailTheRun() {
        var runs = modelRuns(true);
        List<ModelRunCompleted> heard = new ArrayList<>();
        runs.addListener(run -> {
            throw new IllegalStateException("MLflow is down");
        });
        runs.addListener(heard::add);
        runs.measure(RunKind.TRAINING, "gbm-electricity-FR-h1", run -> run.version("4"));
        assertThat(heard).singleElement().satisfies(r -> assertThat(r.modelVersion()).isEqualTo("4"));
        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void runsAreSentFromABackgroundThreadSoARunNeverWaitsForKafka() {
        var meter = CarbonMeter.forThisMachine(CarbonSettings.defaults(), dir.resolve("powercap"), dir.resolve("cpu"));
        List<String> threads = new CopyOnWriteArrayList<>();
        try (var runs = new ModelRuns(publisher(), meter, "test-service", 20)) {
            runs.addListener(run -> threads.add(Thread.currentThread().getName()));
            runs.measure(RunKind.SCORING, "anomaly-detection", run -> run.rows(500));
        }
        // close() sent what was pending.
        assertThat(producer.history()).hasSize(1);
        assertThat(threads).containsExactly("model-runs-sender");
    }

    @Test
    void aRunEndsOnceAndNothingIsPublishedWhenMeasuringIsOff() {
        var runs = modelRuns(true);
        var run = runs.start(RunKind.SCORING, "if-electricity-FR");
        run.succeeded();
        run.failed(new IllegalStateException("late"));
        assertThat(producer.history()).hasSize(1);

        var off = modelRuns(false);
        int answer = off.measure(RunKind.SCORING, "m", r -> 1);
        assertThat(answer).isEqualTo(1);
        assertThat(producer.history()).hasSize(1);
    }
}
