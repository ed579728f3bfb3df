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
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelRunsTest {

    @TempDir
    Path dir;

    private final MockProducer<String, EnergyWatchEvent> producer = new MockProducer<>(true, null,
            new StringSerializer(), EventSerde.any("/energywatch/test"));

    private ModelRuns modelRuns(boolean measuring) {
        var events = new KafkaTemplate<>(new MockProducerFactory<>(() -> producer));
        var bytes = new KafkaTemplate<>(new MockProducerFactory<>(() -> new MockProducer<>(true, null,
                new StringSerializer(), new ByteArraySerializer())));
        CarbonMeter meter = measuring
                ? CarbonMeter.forThisMachine(CarbonSettings.defaults(), dir.resolve("powercap"), dir.resolve("cpu"))
                : null;
        return new ModelRuns(new EventPublisher(events, bytes, "/energywatch/test"), meter, "test-service", 20);
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
