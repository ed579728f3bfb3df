package io.energywatch.anomaly.models;

import io.energywatch.analytics.registry.ModelRegistry;
import io.energywatch.anomaly.AnomalyServiceTest;
import io.energywatch.anomaly.SyntheticSeries;
import io.energywatch.contracts.DriftDetected;
import io.energywatch.contracts.DriftStatus;
import io.energywatch.contracts.ModelLifecycleChanged;
import io.energywatch.contracts.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Training a group forest over the frames the detectors saw: registered, published as TRAINED then PROMOTED, the
 * champion of its group, trained without the anomalies operators confirmed.
 */
class ModelTrainingTest extends AnomalyServiceTest {

    @Autowired
    ModelRegistry registry;

    @Autowired
    ChampionModels champions;

    @Test
    void aTrainedForestIsRegisteredPublishedAndBecomesTheGroupsChampionWithoutConfirmedAnomalies() {
        String source = "ext-train" + RUN;
        var east = SyntheticSeries.series(source);
        var south = io.energywatch.contracts.SeriesId.of(east.carrier(), "93", source, "PT1H");
        kafka.produce(Topics.CONSUMPTION_ENRICHED.name(),
                SyntheticSeries.enriched(east, "11", SyntheticSeries.values(168, Set.of(80, 120))),
                e -> e.measurement().seriesId());
        kafka.produce(Topics.CONSUMPTION_ENRICHED.name(),
                SyntheticSeries.enriched(south, "93", SyntheticSeries.values(168, Set.of(100))),
                e -> e.measurement().seriesId());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            assertThat(api.get("/api/v1/anomalies?series=" + east).json().path("totalElements").asLong()).isEqualTo(2);
            assertThat(api.get("/api/v1/anomalies?series=" + south).json().path("totalElements").asLong()).isEqualTo(1);
        });
        String confirmed = api.get("/api/v1/anomalies?series=" + south).json().path("content").get(0)
                .path("anomalyId").asString();
        assertThat(api.postJson("/api/v1/anomalies/" + confirmed + "/feedback",
                "{\"verdict\":\"CONFIRMED\"}").status()).isEqualTo(200);

        String group = "electricity:" + source + ":PT1H";
        var response = api.postJson("/api/v1/anomalies/models", "{\"group\":\"" + group + "\"}");
        assertThat(response.status()).isEqualTo(201);
        JsonNode result = response.json();
        String modelId = "anomaly-forest.electricity." + source + ".PT1H";
        assertThat(result.path("modelId").asString()).isEqualTo(modelId);
        assertThat(result.path("version").asString()).isEqualTo("1");
        assertThat(result.path("stage").asString()).isEqualTo("PROMOTED");
        assertThat(result.path("excludedConfirmedAnomalies").asLong()).isEqualTo(1);
        assertThat(result.path("trainingRows").asLong()).isGreaterThanOrEqualTo(100);

        assertThat(registry.byAlias(modelId, ModelRegistry.CHAMPION)).get()
                .satisfies(v -> assertThat(v.version()).isEqualTo("1"));
        assertThat(champions.champion(SeriesGroup.parse(group))).get()
                .satisfies(c -> assertThat(c.forest().features()).isNotEmpty());
        var lifecycle = kafka.read(Topics.MODELS.name(), ModelLifecycleChanged.class).stream()
                .filter(r -> modelId.equals(r.key())).map(r -> r.value().stage()).toList();
        assertThat(lifecycle).containsExactly(ModelLifecycleChanged.Stage.TRAINED,
                ModelLifecycleChanged.Stage.PROMOTED);

        var unknown = api.postJson("/api/v1/anomalies/models", "{\"group\":\"gas:ext-nothing" + RUN + ":PT1H\"}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().path("type").asString()).endsWith("/not-enough-data");
    }

    @Test
    void aDriftReportOnTheGroupsForestTrainsAChallengerAndKeepsTheChampion() {
        String source = "ext-drift" + RUN;
        var series = SyntheticSeries.series(source);
        var other = io.energywatch.contracts.SeriesId.of(series.carrier(), "93", source, "PT1H");
        kafka.produce(Topics.CONSUMPTION_ENRICHED.name(),
                SyntheticSeries.enriched(series, "11", SyntheticSeries.values(168, Set.of(100))),
                e -> e.measurement().seriesId());
        kafka.produce(Topics.CONSUMPTION_ENRICHED.name(),
                SyntheticSeries.enriched(other, "93", SyntheticSeries.values(168, Set.of(100))),
                e -> e.measurement().seriesId());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(api.get("/api/v1/anomalies?series=" + other).json().path("totalElements").asLong())
                        .isEqualTo(1));
        String group = "electricity:" + source + ":PT1H";
        String modelId = "anomaly-forest.electricity." + source + ".PT1H";
        assertThat(api.postJson("/api/v1/anomalies/models", "{\"group\":\"" + group + "\"}").status())
                .isEqualTo(201);

        var drift = new DriftDetected(null, "report-" + RUN, modelId, "1", SyntheticSeries.hour(0),
                SyntheticSeries.hour(168), DriftStatus.SIGNIFICANT, "HOLM", List.of(), SyntheticSeries.hour(168));
        kafka.produce(Topics.DRIFT.name(), List.of(drift), DriftDetected::modelId);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(registry.versions(modelId)).hasSize(2));
        assertThat(registry.byAlias(modelId, ModelTrainer.CHALLENGER)).get()
                .satisfies(v -> assertThat(v.version()).isEqualTo("2"));
        assertThat(registry.byAlias(modelId, ModelRegistry.CHAMPION)).get()
                .satisfies(v -> assertThat(v.version()).isEqualTo("1"));
        assertThat(champions.champion(SeriesGroup.parse(group))).get()
                .satisfies(c -> assertThat(c.version()).isEqualTo("1"));
        var lifecycle = kafka.read(Topics.MODELS.name(), ModelLifecycleChanged.class).stream()
                .filter(r -> modelId.equals(r.key())).map(r -> r.value().stage() + " v" + r.value().version()).toList();
        assertThat(lifecycle).containsExactly("TRAINED v1", "PROMOTED v1", "TRAINED v2");
        JsonNode listed = api.get("/api/v1/anomalies/models").json();
        assertThat(listed.valueStream().filter(m -> m.path("modelId").asString().equals(modelId))
                .map(m -> m.path("version").asString() + " " + m.path("stage").asString() + " champion "
                        + m.path("champion").asBoolean() + " judged " + m.path("feedback").path("confirmed").asLong()
                        + "/" + m.path("feedback").path("falsePositives").asLong()))
                .containsExactlyInAnyOrder("1 PROMOTED champion true judged 0/0", "2 TRAINED champion false judged 0/0");

        // The challenger becomes champion only by an admin's decision.
        String promotion = "/api/v1/anomalies/models/" + modelId + "/versions/2/promotion";
        assertThat(api.as(io.energywatch.service.security.Role.ANALYST).postJson(promotion, "").status())
                .isEqualTo(403);
        var promoted = api.postJson(promotion, "");
        assertThat(promoted.status()).isEqualTo(200);
        assertThat(promoted.json().path("promotedBy").asString()).isEqualTo("test-admin");
        assertThat(registry.byAlias(modelId, ModelRegistry.CHAMPION)).get()
                .satisfies(v -> assertThat(v.version()).isEqualTo("2"));
        assertThat(champions.champion(SeriesGroup.parse(group))).get()
                .satisfies(c -> assertThat(c.version()).isEqualTo("2"));
        assertThat(api.postJson("/api/v1/anomalies/models/" + modelId + "/versions/9/promotion", "").status())
                .isEqualTo(404);
    }
}
