package io.energywatch.anomaly;

import io.energywatch.anomaly.notifications.TestSmtpServer;
import io.energywatch.testsupport.KafkaTestBroker;
import io.energywatch.testsupport.MongoWireTestServer;
import io.energywatch.testsupport.RealServers;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

/**
 * The whole service on the real embedded Kafka broker (KRaft), the real Elasticsearch 9.2.0 distribution and the Mongo
 * wire server. Every integration test extends this class, so they share one application context; each writes its own
 * series (sources named after the run), so they do not see each other's rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AnomalyServiceTest {

    protected static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    protected static final String ALIAS = "ew-it-anomalies-" + RUN;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.kafka(registry);
        RealServers.elasticsearch(registry);
        registry.add("spring.mongodb.uri", () -> MongoWireTestServer.shared().uri("anomaly-it-" + RUN));
        registry.add("energywatch.anomaly.detection.group-id", () -> "anomaly-it-" + RUN);
        registry.add("energywatch.anomaly.models.drift-group-id", () -> "anomaly-drift-it-" + RUN);
        registry.add("energywatch.anomaly.indices.anomalies", () -> ALIAS);
        registry.add("energywatch.anomaly.models.registry-dir", () -> System.getProperty("java.io.tmpdir")
                + "/anomaly-models-it-" + RUN);
        registry.add("energywatch.anomaly.models.min-training-frames", () -> "100");
        registry.add("energywatch.anomaly.notifications.anomaly-group-id", () -> "anomaly-alerts-it-" + RUN);
        registry.add("energywatch.anomaly.notifications.drift-group-id", () -> "anomaly-drift-alerts-it-" + RUN);
        TestSmtpServer.register(registry);
    }

    @Autowired
    protected Environment environment;

    protected Api api;
    protected KafkaClients kafka;

    protected int port() {
        return environment.getRequiredProperty("local.server.port", Integer.class);
    }

    @BeforeEach
    void clients() {
        api = new Api(port());
        kafka = new KafkaClients(KafkaTestBroker.bootstrapServers());
    }
}
