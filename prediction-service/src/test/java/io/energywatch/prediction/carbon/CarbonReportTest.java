package io.energywatch.prediction.carbon;

import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.EventSerde;
import io.energywatch.contracts.GridCarbonIntensityMeasured;
import io.energywatch.contracts.Lineage;
import io.energywatch.contracts.QualityStatus;
import io.energywatch.contracts.ModelRunCompleted;
import io.energywatch.contracts.ModelRunCompleted.RunKind;
import io.energywatch.contracts.ModelRunCompleted.RunStatus;
import io.energywatch.contracts.Topics;
import io.energywatch.prediction.indexing.GridIntensities;
import io.energywatch.service.security.Role;
import io.energywatch.testsupport.KafkaTestBroker;
import io.energywatch.testsupport.MongoWireTestServer;
import io.energywatch.testsupport.RealServers;
import io.energywatch.testsupport.TestTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Known model runs published on the real broker reach the model-runs index in the real Elasticsearch (once each, however
 * often they are delivered), and the carbon report sums them per model, service and local day, as JSON, CSV and the
 * monthly HTML page. The index is this test's own alias, so only these runs fall in March 2023.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CarbonReportTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final double FR = 56.039;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) throws Exception {
        RealServers.elasticsearch(registry);
        RealServers.kafka(registry);
        registry.add("spring.mongodb.uri", () -> MongoWireTestServer.shared().uri("prediction-carbon-" + RUN));
        String registryDir = Files.createTempDirectory("prediction-registry").toString();
        registry.add("energywatch.prediction.models.registry-dir", () -> registryDir);
        registry.add("energywatch.prediction.models.mlflow-tracking-uri", () -> "");
        registry.add("energywatch.prediction.issuance.enabled", () -> "false");
        registry.add("energywatch.prediction.indices.model-runs", () -> "ew-it-model-runs-" + RUN);
        registry.add("energywatch.prediction.carbon.group-id", () -> "carbon-it-" + RUN);
        registry.add("energywatch.prediction.carbon.intensity-group-id", () -> "carbon-intensity-it-" + RUN);
    }

    @Autowired
    Environment environment;
    @Autowired
    GridIntensities intensities;

    private final HttpClient http = HttpClient.newHttpClient();

    private final String a = "svc-a-" + RUN;
    private final String b = "svc-b-" + RUN;
    private final String m1 = "m1-" + RUN;
    private final String m2 = "m2-" + RUN;

    @Test
    void theReportSumsKnownRunsPerModelServiceAndDayOnceEach() throws Exception {
        // Paris time: the second run starts on 11 March (00:30), the last on 1 April (02:00), outside March.
        var training = run(a, m1, RunKind.TRAINING, "2023-03-10T10:00:00Z", RunStatus.SUCCEEDED, 100, 45.0,
                0.00005, 0.0005, "cpu-time");
        var scoring = run(a, m2, RunKind.SCORING, "2023-03-10T23:30:00Z", RunStatus.SUCCEEDED, 5_000, 600.0,
                1.5, 0.5, "rapl");
        var backtest = run(b, m1, RunKind.BACKTEST, "2023-03-20T12:00:00Z", RunStatus.FAILED, 0, 100.0,
                0.75, 0.25, "cpu-time");
        var april = run(b, m2, RunKind.DRIFT_RUN, "2023-03-31T23:00:00Z", RunStatus.SUCCEEDED, 10, 10.0,
                8.0, 2.0, "cpu-time");
        // The training is delivered twice: indexed once.
        publish(List.of(training, scoring, training, backtest, april));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(json("/api/v1/carbon/report?from=2023-03-01&to=2023-04-30").path("totals")
                        .path("runs").asLong()).isEqualTo(4));

        JsonNode byModel = json("/api/v1/carbon/report?from=2023-03-01&to=2023-03-31&groupBy=model");
        JsonNode totals = byModel.path("totals");
        assertThat(totals.path("runs").asLong()).isEqualTo(3);
        assertThat(totals.path("failedRuns").asLong()).isEqualTo(1);
        assertThat(totals.path("rows").asLong()).isEqualTo(5_100);
        assertThat(totals.path("cpuSeconds").asDouble()).isCloseTo(745.0, within(1e-9));
        assertThat(totals.path("energyKwh").asDouble()).isCloseTo(3.00055, within(1e-12));
        assertThat(totals.path("co2Grams").asDouble()).isCloseTo(3.00055 * FR, within(1e-9));
        assertThat(byModel.path("methods").path("cpu-time").asLong()).isEqualTo(2);
        assertThat(byModel.path("methods").path("rapl").asLong()).isEqualTo(1);
        // Largest emissions first: m2 (2 kWh) before m1 (0.00055 + 1 kWh).
        assertThat(keys(byModel)).containsExactly(m2, m1);
        JsonNode first = byModel.path("groups").get(1);
        assertThat(first.path("figures").path("runs").asLong()).isEqualTo(2);
        assertThat(first.path("figures").path("energyKwh").asDouble()).isCloseTo(1.00055, within(1e-12));
        assertThat(first.path("figures").path("cpuEnergyKwh").asDouble()).isCloseTo(0.75005, within(1e-12));
        assertThat(first.path("methods").valueStream().map(JsonNode::asString)).containsExactly("cpu-time");

        JsonNode byService = json("/api/v1/carbon/report?from=2023-03-01&to=2023-03-31&groupBy=service");
        assertThat(keys(byService)).containsExactly(a, b);
        assertThat(byService.path("groups").get(0).path("figures").path("co2Grams").asDouble())
                .isCloseTo(2.00055 * FR, within(1e-9));
        assertThat(byService.path("groups").get(0).path("methods").valueStream().map(JsonNode::asString))
                .containsExactly("cpu-time", "rapl");

        JsonNode byDay = json("/api/v1/carbon/report?from=2023-03-01&to=2023-04-30&groupBy=DAY");
        assertThat(keys(byDay)).containsExactly("2023-03-10", "2023-03-11", "2023-03-20", "2023-04-01");

        var csv = get("/api/v1/carbon/report?from=2023-03-01&to=2023-03-31&groupBy=service", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.getFirst()).startsWith("key,figures.runs,figures.failedRuns,figures.rows");
        assertThat(lines.get(1)).startsWith(a + ",2,0,5100,").endsWith(",cpu-time|rapl,country-default");

        var page = get("/api/v1/carbon/report/monthly?month=2023-03", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("Carbon footprint of model runs: 2023-03", "<td>Runs</td><td>3</td>",
                "<td>Energy, PUE included (kWh)</td><td>3.000550</td>", "<td>" + m2 + "</td>", "<td>" + b + "</td>",
                String.format(Locale.ROOT, "%.3f km driven by an average car",
                        3.00055 * FR / 1000 / 0.2541));

        assertThat(byModel.path("intensitySources").path("country-default").asLong()).isEqualTo(3);

        var invalid = get("/api/v1/carbon/report?groupBy=week", "application/json");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(invalid.body()).path("errors").get(0).path("field").asString()).isEqualTo("groupBy");
        assertThat(get("/api/v1/carbon/report/monthly?month=March", "text/html").statusCode()).isEqualTo(400);
    }

    @Test
    void runsArePricedWithTheGridsMeasuredIntensityOfTheirHourWhenItIsKnownBeforeOrAfter() throws Exception {
        String service = "svc-grid-" + RUN;
        // 10:00 is measured before its run is indexed; 14:00 only after; 12:00 never.
        publishIntensity(intensity("2023-05-10T10:00:00Z", 30.0, QualityStatus.REAL_TIME));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                intensities.of("FR", List.of(Instant.parse("2023-05-10T10:00:00Z"))).size() == 1);
        var measuredBefore = run(service, m1, RunKind.SCORING, "2023-05-10T10:20:00Z", RunStatus.SUCCEEDED, 10, 1.0,
                1.5, 0.5, "cpu-time");
        var unmeasured = run(service, m1, RunKind.SCORING, "2023-05-10T12:00:00Z", RunStatus.SUCCEEDED, 10, 1.0,
                0.75, 0.25, "cpu-time");
        var measuredAfter = run(service, m2, RunKind.TRAINING, "2023-05-10T14:05:00Z", RunStatus.SUCCEEDED, 10, 1.0,
                0.25, 0.25, "cpu-time");
        publish(List.of(measuredBefore, unmeasured, measuredAfter));
        String day = "/api/v1/carbon/report?from=2023-05-10&to=2023-05-10&groupBy=model";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(json(day).path("totals").path("runs").asLong()).isEqualTo(3));
        JsonNode before = json(day);
        assertThat(before.path("intensitySources").path("measured").asLong()).isEqualTo(1);
        assertThat(before.path("intensitySources").path("country-default").asLong()).isEqualTo(2);

        // The definitive value of 14:00 re-prices its run; a real-time one arriving later does not replace it.
        publishIntensity(intensity("2023-05-10T14:00:00Z", 20.0, QualityStatus.DEFINITIVE));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(json(day).path("intensitySources").path("measured").asLong()).isEqualTo(2));
        publishIntensity(intensity("2023-05-10T14:00:00Z", 99.0, QualityStatus.REAL_TIME));
        // The topic has one partition: once a later hour is stored, the real-time value has been read.
        publishIntensity(intensity("2023-05-11T00:00:00Z", 25.0, QualityStatus.DEFINITIVE));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                intensities.of("FR", List.of(Instant.parse("2023-05-11T00:00:00Z"))).size() == 1);
        assertThat(intensities.of("FR", List.of(Instant.parse("2023-05-10T14:00:00Z"))))
                .containsEntry(Instant.parse("2023-05-10T14:00:00Z"), 20.0);

        JsonNode report = json(day);
        assertThat(report.path("totals").path("co2Grams").asDouble())
                .isCloseTo(2.0 * 30.0 + 1.0 * FR + 0.5 * 20.0, within(1e-9));
        assertThat(report.path("intensitySources").path("measured").asLong()).isEqualTo(2);
        assertThat(report.path("intensitySources").path("country-default").asLong()).isEqualTo(1);
        JsonNode bothSources = report.path("groups").get(0);
        assertThat(bothSources.path("key").asString()).isEqualTo(m1);
        assertThat(bothSources.path("intensitySources").valueStream().map(JsonNode::asString))
                .containsExactly("country-default", "measured");
        assertThat(report.path("groups").get(1).path("figures").path("co2Grams").asDouble())
                .isCloseTo(0.5 * 20.0, within(1e-12));

        var page = get("/api/v1/carbon/report/monthly?month=2023-05", "text/html");
        assertThat(page.body()).contains("<h2>Carbon intensity</h2>", "<td>measured</td><td>2</td>",
                "<td>country-default</td><td>1</td>");
    }

    private static GridCarbonIntensityMeasured intensity(String hour, double g, QualityStatus quality) {
        return new GridCarbonIntensityMeasured(null, "FR", Instant.parse(hour), g, 4, quality, "eco2mix",
                new Lineage("eCO2mix_RTE_En-cours-TR.csv", "job-" + RUN, 2L, Instant.parse("2023-05-10T16:00:00Z")));
    }

    private static void publishIntensity(GridCarbonIntensityMeasured intensity) {
        send(List.of(new ProducerRecord<>(Topics.GRID_CARBON_INTENSITY.name(), intensity.area(), intensity)));
    }

    private static ModelRunCompleted run(String service, String model, RunKind kind, String start, RunStatus status,
                                         long rows, double cpuSeconds, double cpuKwh, double ramKwh, String method) {
        Instant started = Instant.parse(start);
        double kwh = cpuKwh + ramKwh;
        return new ModelRunCompleted(null, UUID.randomUUID().toString(), service, model, "1", kind, started,
                started.plusSeconds(90), 90.0, cpuSeconds, 1L << 28, rows, status,
                status == RunStatus.FAILED ? "java.io.IOException" : null,
                status == RunStatus.FAILED ? "refused" : null, cpuKwh, ramKwh, kwh, kwh * FR, FR, 1.0, method);
    }

    private static void publish(List<ModelRunCompleted> runs) {
        send(runs.stream().map(run -> new ProducerRecord<String, EnergyWatchEvent>(Topics.MODEL_RUNS.name(),
                run.modelId(), run)).toList());
    }

    private static void send(List<ProducerRecord<String, EnergyWatchEvent>> records) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestBroker.bootstrapServers());
        try (var producer = new KafkaProducer<String, EnergyWatchEvent>(config, new StringSerializer(),
                EventSerde.any("/energywatch/carbon-test"))) {
            records.forEach(producer::send);
            producer.flush();
        }
    }

    private static List<String> keys(JsonNode report) {
        List<String> keys = new ArrayList<>();
        report.path("groups").forEach(g -> keys.add(g.path("key").asString()));
        return keys;
    }

    private JsonNode json(String path) throws Exception {
        var response = get(path, "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", TestTokens.bearer(Role.VIEWER)).header("Accept", accept).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
