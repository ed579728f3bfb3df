package io.energywatch.fusion.enrichment;

import io.energywatch.fusion.support.KafkaTestClients;
import io.energywatch.testsupport.KafkaTestBroker;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The weather view's start on a fresh cluster, on the real broker: the raw weather topic is created by the services'
 * own start-up, possibly just after the view starts (a global store fails at once on a topic without partitions; the
 * local stack's fusion once died of it). The view waits for the topic within its bootstrap time, and names the topic
 * when it never comes.
 */
class WeatherViewStartTest {

    private static Map<String, Object> config(String applicationId) throws IOException {
        Map<String, Object> config = new HashMap<>();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("fusion-view-start").toString());
        return config;
    }

    @Test
    void aViewStartedBeforeItsTopicExistsWaitsForItAndRuns() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String topic = "energywatch.weather.raw.v1.start-" + run;
        try (var view = new GlobalWeatherView(topic, "/energywatch/fusion-service", config("view-start-" + run))) {
            var kafka = new KafkaTestClients(KafkaTestBroker.bootstrapServers());
            var created = CompletableFuture.runAsync(() -> kafka.createTopics(1, topic),
                    CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));

            assertThat(view.start(Duration.ofSeconds(60))).as("read to the end within the bootstrap").isTrue();
            created.get(30, TimeUnit.SECONDS);
            assertThat(view.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    @Test
    void aTopicThatNeverComesFailsTheStartNamingIt() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String topic = "energywatch.weather.raw.v1.missing-" + run;
        try (var view = new GlobalWeatherView(topic, "/energywatch/fusion-service", config("view-missing-" + run))) {
            assertThatThrownBy(() -> view.start(Duration.ofSeconds(2)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the weather topic " + topic + " has no partitions after PT2S");
            assertThat(view.state()).as("never started").isEqualTo(KafkaStreams.State.CREATED);
        }
    }
}
