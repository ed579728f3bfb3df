package io.energywatch.anomaly.models;

import io.energywatch.anomaly.Api;
import io.energywatch.testsupport.FreePorts;
import io.energywatch.testsupport.MongoWireTestServer;
import io.energywatch.testsupport.RealServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Kafka down (nothing listens on its port), training a forest answers the shared 503 naming Kafka within
 * seconds, and registers nothing: a version whose lifecycle event cannot be published is not made.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KafkaDownTrainingTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** Nothing listens on this port: Kafka is down. */
    private static final int CLOSED_PORT = FreePorts.find();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.elasticsearch(registry);
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + CLOSED_PORT);
        registry.add("energywatch.kafka.create-topics", () -> false);
        registry.add("spring.mongodb.uri", () -> MongoWireTestServer.shared().uri("anomaly-no-kafka-" + RUN));
        registry.add("energywatch.anomaly.indices.anomalies", () -> "ew-no-kafka-anomalies-" + RUN);
        registry.add("energywatch.anomaly.models.registry-dir", () -> System.getProperty("java.io.tmpdir")
                + "/anomaly-models-no-kafka-" + RUN);
    }

    @Autowired
    Environment environment;

    @Test
    void trainingAnswers503NamingKafkaAndRegistersNothing() {
        var api = new Api(environment.getRequiredProperty("local.server.port", Integer.class));

        long started = System.nanoTime();
        var answer = api.postJson("/api/v1/anomalies/models", """
                {"group": "electricity:sim:PT30M", "from": "2024-01-01T00:00:00Z", "to": "2024-02-01T00:00:00Z"}""");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asString()).endsWith("/store-unavailable");
        assertThat(answer.json().path("store").asString()).isEqualTo("kafka");
        assertThat(took).as("time to 503").isLessThan(Duration.ofSeconds(5));
        assertThat(api.get("/api/v1/anomalies/models").json()).as("versions registered").isEmpty();
        System.out.printf("Kafka down: training answered 503 in %d ms%n", took.toMillis());
    }
}
