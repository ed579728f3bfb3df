package io.energywatch.gateway;

import io.energywatch.contracts.Topics;
import io.energywatch.service.security.Role;
import io.energywatch.testsupport.FreePorts;
import io.energywatch.testsupport.KafkaTestBroker;
import io.energywatch.testsupport.TestTokens;

import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/kpi} and {@code GET /api/v1/system} against stand-in services in every state: fusion, anomaly
 * and ingestion answer, prediction is down (nothing listens on its port), drift answers its summary but is too slow on
 * its health and reports; Kafka is the test broker. The same stand-ins show that routed calls to a service that is
 * down or too slow are 503 and 504 problems naming it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "energywatch.gateway.calls.service-timeout=1s",
        "spring.http.clients.read-timeout=1s"})
@ActiveProfiles("local")
class IntegratorEndpointsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    private static final long SLOW_MILLIS = 2500;
    private static final String GROUP = "gateway-system-test-" + UUID.randomUUID();
    private static final String TOPIC = Topics.CONSUMPTION_RAW.name();

    private static final HttpServer FUSION = standIn("fusion", Map.of(
            "/api/v1/enriched/stats", """
                    {"window": {"from": "2021-12-31T23:00:00Z", "to": "2022-12-31T23:00:00Z"}, "enrichedRecords": 900,
                     "byCarrier": {"electricity": 800, "gas": 100}, "byRegion": {"11": 300, "FR": 600},
                     "latest": {"localDate": "2022-12-31"}}""",
            "/api/v1/enriched/aggregates?region=FR", """
                    {"region": "FR", "series": [
                      {"seriesId": "electricity:FR:odre:PT30M", "buckets": [
                        {"start": "2022-01-01", "valuedRecords": 1488, "energyMwhSum": 1000.5, "powerMwMax": 80000.0},
                        {"start": "2022-02-01", "valuedRecords": 1344, "energyMwhSum": 900.5, "powerMwMax": 85000.0}]},
                      {"seriesId": "gas:FR:grtgaz:P1D", "buckets": [
                        {"start": "2022-01-01", "valuedRecords": 31, "energyMwhSum": 50.0, "powerMwMax": 3000.0}]}]}""",
            "/api/v1/enriched/aggregates?region=11", """
                    {"region": "11", "series": [
                      {"seriesId": "electricity:11:eco2mix:PT30M", "buckets": [
                        {"start": "2022-01-01", "valuedRecords": 1488, "energyMwhSum": 200.0, "powerMwMax": 12000.0}]},
                      {"seriesId": "electricity:11:sim:PT30M", "buckets": [
                        {"start": "2022-01-01", "valuedRecords": 10, "energyMwhSum": 5.0, "powerMwMax": 99999.0}]}]}""",
            "/actuator/health", """
                    {"status": "UP", "components": {
                      "elasticsearch": {"status": "UP", "details": {"store": "elasticsearch"}},
                      "kafka": {"status": "UP", "details": {"store": "kafka"}}}}""",
            "/v3/api-docs", "{\"info\": {\"version\": \"1.2.3\"}}"), 0);
    private static final HttpServer ANOMALY = standIn("anomaly", Map.of(
            "/api/v1/anomalies/stats", """
                    {"total": 7, "bySeverity": {"LOW": 3, "HIGH": 2, "CRITICAL": 2}, "byStatus": {"OPEN": 5,
                     "CONFIRMED": 2}, "costImpactEur": 1234.5}""",
            "/actuator/health", """
                    {"status": "UP", "components": {"mongo": {"status": "UP"},
                      "kafka": {"status": "UP", "details": {"store": "kafka"}}}}""",
            "/v3/api-docs", "{\"info\": {\"version\": \"1.2.3\"}}"), 0);
    private static final HttpServer INGESTION = standIn("ingestion", Map.of(
            "/actuator/health", """
                    {"status": "UP", "components": {"mongo": {"status": "UP", "details": {"store": "mongodb"}}}}""",
            "/v3/api-docs", "{\"info\": {\"version\": \"1.2.3\"}}"), 0);
    private static final HttpServer DRIFT = standIn("drift", Map.of(
            "/api/v1/drift/summary", """
                    {"totalReports": 4, "reportsByStatus": {"STABLE": 3, "SIGNIFICANT": 1}, "models": [
                      {"modelId": "forest-fr", "modelVersion": "3", "overallStatus": "SIGNIFICANT",
                       "createdAt": "2022-12-31T10:00:00Z", "drifted": [{"feature": "tempMeanC", "psi": 0.4}]},
                      {"modelId": "forecast-fr", "modelVersion": "1", "overallStatus": "STABLE",
                       "createdAt": "2022-12-31T10:00:00Z", "drifted": []}]}""",
            "/v3/api-docs", "{\"info\": {\"version\": \"1.2.3\"}}"), SLOW_MILLIS);
    private static final int PREDICTION_PORT = FreePorts.find();

    /** Answers the canned body of the longest path (with query) prefix the request starts with; 404 otherwise. */
    private static HttpServer standIn(String name, Map<String, String> answers, long slowMillis) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", exchange -> {
                String target = exchange.getRequestURI().getPath()
                        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?"
                        + exchange.getRequestURI().getRawQuery());
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                RECEIVED.add(name + " " + target + (authorization == null ? "" : " with token"));
                boolean fast = answers.containsKey(exchange.getRequestURI().getPath())
                        && !exchange.getRequestURI().getPath().equals("/actuator/health");
                if (slowMillis > 0 && !fast) {
                    // The stand-in plays a service that answers too late: the gateway's timeout is what is tested.
                    try {
                        Thread.sleep(slowMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                String body = answers.entrySet().stream().filter(e -> target.startsWith(e.getKey()))
                        .max(Map.Entry.comparingByKey((a, b) -> Integer.compare(a.length(), b.length())))
                        .map(Map.Entry::getValue).orElse(null);
                byte[] bytes = (body == null ? "{\"status\": 404}" : body).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                try {
                    exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
                    exchange.getResponseBody().write(bytes);
                } catch (IOException gone) {
                    // The gateway gave up waiting: nobody reads this answer.
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        List.of(FUSION, ANOMALY, INGESTION, DRIFT).forEach(s -> s.stop(0));
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("FUSION_URL", () -> url(FUSION));
        registry.add("ANOMALY_URL", () -> url(ANOMALY));
        registry.add("INGESTION_URL", () -> url(INGESTION));
        registry.add("DRIFT_URL", () -> url(DRIFT));
        registry.add("PREDICTION_URL", () -> "http://127.0.0.1:" + PREDICTION_PORT);
        registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Five records on partition 0 of a platform topic that the test's consumer group has not read yet. */
    @BeforeAll
    static void topicWithAGroupFiveRecordsBehind() throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
            }
            Properties producerConfig = new Properties();
            producerConfig.putAll(config);
            producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            try (var producer = new KafkaProducer<String, String>(producerConfig)) {
                for (int i = 0; i < 5; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, 0, "k", "v" + i)).get(10, TimeUnit.SECONDS);
                }
            }
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                    .get(10, TimeUnit.SECONDS).offset();
            admin.alterConsumerGroupOffsets(GROUP, Map.of(partition, new OffsetAndMetadata(end - 5))).all()
                    .get(10, TimeUnit.SECONDS);
        }
    }

    @Autowired
    Environment environment;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void forget() {
        RECEIVED.clear();
    }

    @Test
    void kpiGathersEverySectionWithTheCallersTokenAndNamesTheServicesThatCouldNotAnswer() throws Exception {
        var answer = get("/api/v1/kpi?from=2022-01-01&to=2022-12-31&interval=month", Role.VIEWER);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode kpi = JSON.readTree(answer.body());
        assertThat(kpi.at("/window/from").asString()).isEqualTo("2022-01-01");
        assertThat(kpi.at("/window/to").asString()).isEqualTo("2022-12-31");

        JsonNode consumption = kpi.path("consumption");
        assertThat(consumption.path("status").asString()).isEqualTo("available");
        assertThat(consumption.at("/data/from").asString()).isEqualTo("2022-01-01");
        assertThat(consumption.at("/data/to").asString()).isEqualTo("2022-12-31");
        assertThat(consumption.at("/data/indexedRecords").asLong()).isEqualTo(900);
        Map<String, JsonNode> carriers = byKey(consumption.at("/data/byCarrier"), "carrier");
        assertThat(carriers.get("electricity").path("basis").asString()).isEqualTo("national");
        assertThat(carriers.get("electricity").path("energyMwh").asDouble()).isEqualTo(1901.0);
        assertThat(carriers.get("electricity").path("peakMw").asDouble()).isEqualTo(85000.0);
        assertThat(carriers.get("electricity").path("peakPeriod").asString()).isEqualTo("2022-02-01");
        assertThat(carriers.get("gas").path("energyMwh").asDouble()).isEqualTo(50.0);
        // Region 11: the series with the most values stands for it (the simulated one is not added on top).
        List<String> regions = new ArrayList<>();
        consumption.at("/data/byRegion").forEach(r -> regions.add(r.path("region").asString() + " "
                + r.path("seriesId").asString() + " " + r.path("energyMwh").asDouble()));
        assertThat(regions).containsExactly("FR electricity:FR:odre:PT30M 1901.0", "FR gas:FR:grtgaz:P1D 50.0",
                "11 electricity:11:eco2mix:PT30M 200.0");

        JsonNode anomalies = kpi.path("anomalies");
        assertThat(anomalies.path("status").asString()).isEqualTo("available");
        assertThat(anomalies.at("/data/total").asLong()).isEqualTo(7);
        assertThat(anomalies.at("/data/bySeverity").propertyNames()).containsExactly("CRITICAL", "HIGH", "MEDIUM",
                "LOW");
        assertThat(anomalies.at("/data/bySeverity/MEDIUM").asLong()).isZero();
        assertThat(anomalies.at("/data/bySeverity/CRITICAL").asLong()).isEqualTo(2);

        JsonNode accuracy = kpi.path("forecastAccuracy");
        assertThat(accuracy.path("status").asString()).isEqualTo("unavailable");
        assertThat(accuracy.path("service").asString()).isEqualTo("prediction-service");
        assertThat(accuracy.path("detail").asString()).contains("prediction-service is not reachable");

        JsonNode drift = kpi.path("drift");
        assertThat(drift.path("status").asString()).isEqualTo("available");
        assertThat(drift.at("/data/status").asString()).isEqualTo("SIGNIFICANT");
        assertThat(drift.at("/data/models/0/driftedFeatures/0").asString()).isEqualTo("tempMeanC");

        // The window went to every stats endpoint, with the caller's token.
        assertThat(RECEIVED).contains(
                "fusion /api/v1/enriched/stats?from=2022-01-01&to=2022-12-31 with token",
                "anomaly /api/v1/anomalies/stats?from=2022-01-01&to=2022-12-31 with token",
                "drift /api/v1/drift/summary?from=2022-01-01&to=2022-12-31 with token",
                "fusion /api/v1/enriched/aggregates?region=FR&from=2022-01-01&to=2022-12-31&interval=month with token",
                "fusion /api/v1/enriched/aggregates?region=11&from=2022-01-01&to=2022-12-31&interval=month with token");
    }

    @Test
    void kpiWithoutAWindowCoversTheLast30IndexedDaysAndRefusesMixedWindows() throws Exception {
        var answer = get("/api/v1/kpi", Role.VIEWER);
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode kpi = JSON.readTree(answer.body());
        assertThat(kpi.at("/consumption/data/from").asString()).isEqualTo("2022-12-02");
        assertThat(kpi.at("/consumption/data/to").asString()).isEqualTo("2022-12-31");
        assertThat(RECEIVED).contains("fusion /api/v1/enriched/stats with token");

        var mixed = get("/api/v1/kpi?from=2022-01-01&hours=24", Role.VIEWER);
        assertThat(mixed.statusCode()).isEqualTo(400);
        assertThat(mixed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(get("/api/v1/kpi?interval=year", Role.VIEWER).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/kpi", null).statusCode()).isEqualTo(401);
    }

    @Test
    void systemReportsEveryServiceStoreTopicAndGroupAndADeadOrSlowServiceIsDownWithinTheTimeout() throws Exception {
        long start = System.nanoTime();
        var answer = get("/api/v1/system", Role.VIEWER);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(millis).as("answered in ms").isLessThan(SLOW_MILLIS + 1500);
        JsonNode system = JSON.readTree(answer.body());
        assertThat(system.path("status").asString()).isEqualTo("DEGRADED");

        Map<String, JsonNode> services = byKey(system.path("services"), "name");
        assertThat(services).containsOnlyKeys("gateway", "ingestion-service", "fusion-service", "anomaly-service",
                "prediction-service", "drift-service");
        assertThat(services.get("fusion-service").path("status").asString()).isEqualTo("UP");
        assertThat(services.get("fusion-service").path("version").asString()).isEqualTo("1.2.3");
        assertThat(services.get("prediction-service").path("status").asString()).isEqualTo("DOWN");
        assertThat(services.get("prediction-service").path("detail").asString()).contains("not reachable");
        assertThat(services.get("drift-service").path("status").asString()).isEqualTo("DOWN");
        assertThat(services.get("drift-service").path("detail").asString()).contains("did not answer");

        Map<String, JsonNode> stores = byKey(system.path("stores"), "name");
        assertThat(stores).containsOnlyKeys("elasticsearch", "kafka", "mongodb");
        assertThat(stores.get("mongodb").path("status").asString()).isEqualTo("UP");
        assertThat(stores.get("mongodb").path("reportedBy")).hasSize(2);
        assertThat(stores.get("kafka").path("reportedBy")).hasSize(2);

        JsonNode kafka = system.path("kafka");
        assertThat(kafka.path("status").asString()).isEqualTo("UP");
        Map<String, JsonNode> topics = byKey(kafka.path("topics"), "name");
        assertThat(topics).hasSize(Topics.ALL.size());
        assertThat(topics.get(TOPIC).path("exists").asBoolean()).isTrue();
        assertThat(topics.get(TOPIC).path("records").asLong()).isGreaterThanOrEqualTo(5);
        JsonNode group = byKey(kafka.path("consumerGroups"), "groupId").get(GROUP);
        assertThat(group).isNotNull();
        assertThat(group.path("lag").asLong()).isEqualTo(5);
        assertThat(group.at("/topics/0/topic").asString()).isEqualTo(TOPIC);
    }

    @Test
    void aRoutedCallToAServiceThatIsDownIs503AndToOneTooSlowIs504BothNamingIt() throws Exception {
        var down = get("/api/v1/forecasts/accuracy", Role.VIEWER);
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(down.headers().firstValue("Retry-After")).isPresent();
        assertThat(JSON.readTree(down.body()).path("service").asString()).isEqualTo("prediction-service");
        assertThat(JSON.readTree(down.body()).path("detail").asString()).contains("prediction-service");

        var slow = get("/api/v1/drift/reports", Role.VIEWER);
        assertThat(slow.statusCode()).isEqualTo(504);
        assertThat(slow.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(slow.body()).path("service").asString()).isEqualTo("drift-service");
    }

    private static Map<String, JsonNode> byKey(JsonNode array, String key) {
        Map<String, JsonNode> map = new java.util.LinkedHashMap<>();
        array.forEach(e -> map.put(e.path(key).asString(), e));
        return map;
    }

    private HttpResponse<String> get(String path, Role role) throws Exception {
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (role != null) {
            request.header("Authorization", TestTokens.bearer(role));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
