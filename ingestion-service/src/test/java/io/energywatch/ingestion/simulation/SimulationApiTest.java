package io.energywatch.ingestion.simulation;

import io.energywatch.contracts.Topics;
import io.energywatch.ingestion.IngestionApi;
import io.energywatch.ingestion.simulator.SimulationRequest;
import io.energywatch.ingestion.simulator.Simulator;
import io.energywatch.testsupport.KafkaTestBroker;
import io.energywatch.testsupport.MongoWireTestServer;
import io.energywatch.testsupport.RealServers;
import io.energywatch.testsupport.TopicCounter;
import org.junit.jupiter.api.Test;
import io.energywatch.ingestion.store.RawStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A simulation is ingested like an upload: every simulated record is stored and published once, the injected anomalies'
 * labels can be fetched, and running the same seed again adds nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SimulationApiTest {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.kafka(registry);
        registry.add("spring.mongodb.uri", () -> MongoWireTestServer.shared().uri("simulation-api-test"));
        registry.add("energywatch.ingestion.spool-dir", () -> System.getProperty("java.io.tmpdir") + "/ew-spool-"
                + UUID.randomUUID());
    }

    @Autowired
    Environment environment;
    @Autowired
    RawStore rawStore;

    @Test
    void aSimulationIsIngestedOnceWithItsLabelsAndASecondRunAddsNothing() throws Exception {
        var api = new IngestionApi(environment.getRequiredProperty("local.server.port", Integer.class));
        String body = """
                {"seed": 7, "from": "2023-01-02", "to": "2023-01-31", "regions": ["11", "93"]}""";
        long expected = new Simulator(SimulationRequest.of(7, LocalDate.of(2023, 1, 2), LocalDate.of(2023, 1, 31))
                .withRegions(List.of("11", "93"))).events().count();
        long consumptionBefore = TopicCounter.records(KafkaTestBroker.bootstrapServers(), Topics.CONSUMPTION_RAW.name());
        long weatherBefore = TopicCounter.records(KafkaTestBroker.bootstrapServers(), Topics.WEATHER_RAW.name());
        long storedBefore = stored();
        long measurementsBefore = rawStore.storedRecords("measurements");

        var answer = api.postJson("/api/v1/simulations", body);
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.location()).contains("/api/v1/ingestions/");
        JsonNode job = api.awaitJob(answer.body().path("id").asString(), Duration.ofSeconds(120));

        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.path("kind").asString()).isEqualTo("simulation");
        assertThat(job.path("accepted").asLong()).isEqualTo(expected);
        assertThat(stored() - storedBefore).isEqualTo(expected);
        long consumption = TopicCounter.records(KafkaTestBroker.bootstrapServers(), Topics.CONSUMPTION_RAW.name())
                - consumptionBefore;
        assertThat(consumption).isEqualTo(rawStore.storedRecords("measurements") - measurementsBefore);
        assertThat(TopicCounter.records(KafkaTestBroker.bootstrapServers(), Topics.WEATHER_RAW.name()) - weatherBefore)
                .isEqualTo(2 * 30);
        // Its records were ingested when the job was accepted, as an upload's are, not on the simulated period's
        // last day: the event-age meters downstream measure the pipeline.
        var first = new Simulator(SimulationRequest.of(7, LocalDate.of(2023, 1, 2), LocalDate.of(2023, 1, 31))
                .withRegions(List.of("11", "93"))).events().findFirst().orElseThrow();
        JsonNode stored = JsonMapper.builder().build()
                .readTree(rawStore.storedPayload(first).orElseThrow());
        assertThat(Instant.parse(stored.path("lineage").path("ingestedAt").asString()))
                .isEqualTo(Instant.parse(job.path("createdAt").asString()));

        JsonNode labels = api.get("/api/v1/simulations/" + job.path("id").asString() + "/labels").body();
        assertThat(labels.isArray()).isTrue();
        assertThat(labels.findValuesAsString("seriesId")).allMatch(s -> s.matches("electricity:(11|93):sim:(PT30M|P1D)"));
        // Spreadsheet users get the same labels as CSV.
        var csv = api.getText("/api/v1/simulations/" + job.path("id").asString() + "/labels", "text/csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("seriesId,type,start,end,magnitude");
        assertThat(lines).hasSize(labels.size() + 1);
        assertThat(lines.get(1)).startsWith(labels.get(0).path("seriesId").asString() + ","
                + labels.get(0).path("type").asString() + "," + labels.get(0).path("start").asString() + ",");

        JsonNode again = api.awaitJob(api.postJson("/api/v1/simulations", body).body().path("id").asString(),
                Duration.ofSeconds(120));
        assertThat(again.path("accepted").asLong()).isZero();
        assertThat(again.path("duplicates").asLong()).isEqualTo(expected);

        // The job list as CSV (two jobs at least by now): rows in the body, the paging in headers.
        var jobs = api.getText("/api/v1/ingestions?size=1", "text/csv");
        assertThat(jobs.status()).isEqualTo(200);
        assertThat(jobs.body().lines().toList()).hasSize(2).first().asString().startsWith("id,status,kind,");
        long totalJobs = api.get("/api/v1/ingestions").body().path("totalElements").asLong();
        assertThat(jobs.headers().firstValue("X-Total-Count")).contains(Long.toString(totalJobs));
        assertThat(jobs.headers().firstValue("Link").orElseThrow())
                .contains("</api/v1/ingestions?page=1&size=1>; rel=\"next\"");
        assertThat(api.get("/api/v1/ingestions?size=1").contentType()).startsWith("application/json");
    }

    @Test
    void anInvalidSimulationIsRefusedWithAProblem() throws Exception {
        var api = new IngestionApi(environment.getRequiredProperty("local.server.port", Integer.class));
        var answer = api.postJson("/api/v1/simulations", """
                {"seed": 1, "from": "2024-02-01", "to": "2024-01-01"}""");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("detail").asString()).contains("before");
        assertThat(api.postJson("/api/v1/simulations", "{\"from\": \"2024-01-01\"}").status()).isEqualTo(400);
        var cut = api.postJson("/api/v1/simulations", """
                {"seed": 1, "from": "2024-01-01", "to": "2024-01-31",
                 "regimeShift": {"from": "2024-01-20", "heatWaveDays": 3, "heatWaveC": 8, "demandCutPercent": 95}}""");
        assertThat(cut.status()).isEqualTo(400);
        assertThat(cut.body().toString()).contains("regimeShift.demandCutPercent");
        var outside = api.postJson("/api/v1/simulations", """
                {"seed": 1, "from": "2024-01-01", "to": "2024-01-31", "publishFrom": "2024-01-20",
                 "publishTo": "2024-02-05"}""");
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.body().path("detail").asString()).contains("publishFrom..publishTo");
    }

    @Test
    void aSimulationIngestedInTwoPartsSplitsItsRecordsAndLabelsByDay() throws Exception {
        var api = new IngestionApi(environment.getRequiredProperty("local.server.port", Integer.class));
        String period = "\"seed\": 9, \"from\": \"2022-01-01\", \"to\": \"2022-02-28\", \"regions\": [\"53\"]";
        List<JsonNode> parts = new java.util.ArrayList<>();
        for (String window : List.of("\"publishTo\": \"2022-02-10\"", "\"publishFrom\": \"2022-02-11\"")) {
            var answer = api.postJson("/api/v1/simulations", "{" + period + ", " + window + "}");
            assertThat(answer.status()).isEqualTo(202);
            parts.add(api.awaitJob(answer.body().path("id").asString(), Duration.ofSeconds(120)));
        }
        assertThat(parts).allSatisfy(job -> assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED"));
        var simulator = new Simulator(SimulationRequest.of(9, LocalDate.of(2022, 1, 1), LocalDate.of(2022, 2, 28))
                .withRegions(List.of("53")));
        long records = simulator.events().count();
        assertThat(parts.stream().mapToLong(job -> job.path("accepted").asLong()).sum()).isEqualTo(records);
        long labelled = 0;
        for (JsonNode job : parts) {
            labelled += api.get("/api/v1/simulations/" + job.path("id").asString() + "/labels").body().size();
        }
        assertThat(labelled).isEqualTo(simulator.labels().size());
    }

    @Test
    void aRegimeShiftIsKeptWithTheJobSoItsLabelsCanBeRegenerated() throws Exception {
        var api = new IngestionApi(environment.getRequiredProperty("local.server.port", Integer.class));
        var answer = api.postJson("/api/v1/simulations", """
                {"seed": 8, "from": "2023-02-01", "to": "2023-02-07", "regions": ["53"], "resolutions": ["P1D"],
                 "regimeShift": {"from": "2023-02-04", "heatWaveDays": 2, "heatWaveC": 8, "demandCutPercent": 10}}""");
        assertThat(answer.status()).isEqualTo(202);
        JsonNode job = api.awaitJob(answer.body().path("id").asString(), Duration.ofSeconds(120));
        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");

        var labels = api.get("/api/v1/simulations/" + job.path("id").asString() + "/labels");
        assertThat(labels.status()).isEqualTo(200);
        assertThat(labels.body().isArray()).isTrue();
    }

    /** Records in the raw store, every test's: the tests share the application context and its database. */
    private long stored() {
        return rawStore.storedRecords("measurements") + rawStore.storedRecords("weather")
                + rawStore.storedRecords("social_movements");
    }
}
