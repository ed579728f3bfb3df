package io.energywatch.drift.reports;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import io.energywatch.analytics.drift.Correction;
import io.energywatch.analytics.drift.DriftThresholds;
import io.energywatch.analytics.drift.FeatureDrift;
import io.energywatch.analytics.drift.KolmogorovSmirnov;
import io.energywatch.contracts.DriftStatus;
import io.energywatch.drift.config.DriftProperties;
import io.energywatch.testsupport.ElasticsearchTestServer;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Reports land in the monthly index behind the drift alias, with the template's mapping, on real Elasticsearch 9.2.0. */
class ReportIndexTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aReportIsIndexedInItsMonthlyIndexAndFoundThroughTheAliasByADriftedFeature() throws Exception {
        // Not under energywatch-drift-*: the service's own template, installed by other tests, would match it too.
        String alias = "ew-it-drift-" + UUID.randomUUID().toString().substring(0, 8);
        try (Rest5Client client = Rest5Client.builder(URI.create(ElasticsearchTestServer.shared().url())).build()) {
            var indices = new DriftProperties.Indices(alias, 1, 0, Duration.ofSeconds(60));
            var index = new ReportIndex(client, indices, json);
            var report = report("r-" + UUID.randomUUID());

            index.index(report);
            index.index(report);

            assertThat(index.indexOf(report)).isEqualTo(alias + "-2025.03");
            client.performRequest(new Request("POST", "/" + alias + "/_refresh"));
            var search = new Request("POST", "/" + alias + "/_search");
            search.setJsonEntity("""
                    {"query":{"nested":{"path":"features","query":{"bool":{"filter":[
                      {"term":{"features.feature":"tempMeanC"}},{"term":{"features.status":"SIGNIFICANT"}}]}}}}}""");
            JsonNode found = json.readTree(EntityUtils.toString(client.performRequest(search).getEntity()));
            assertThat(found.path("hits").path("total").path("value").asInt()).isEqualTo(1);
            JsonNode source = found.path("hits").path("hits").get(0).path("_source");
            assertThat(source.path("id").asString()).isEqualTo(report.id());
            assertThat(source.path("indexed").asBoolean()).isTrue();
            assertThat(source.path("createdAt").asString()).isEqualTo("2025-03-14T09:00:00Z");

            JsonNode mapping = json.readTree(EntityUtils.toString(
                    client.performRequest(new Request("GET", "/" + alias + "-2025.03/_mapping")).getEntity()));
            JsonNode properties = mapping.path(alias + "-2025.03").path("mappings").path("properties");
            assertThat(properties.path("features").path("type").asString()).isEqualTo("nested");
            assertThat(properties.path("overallStatus").path("type").asString()).isEqualTo("keyword");
        }
    }

    private static DriftReport report(String id) {
        var temp = new FeatureDrift("tempMeanC", FeatureDrift.Kind.NUMERIC, 5_000, 700, 0, 0.62, 0.41,
                KolmogorovSmirnov.Method.ASYMPTOTIC, null, null, 1e-30, 2e-30, 11.0, 14.1,
                List.of(6.0, 8.0, 9.5, 10.5, 11.0, 11.5, 12.5, 14.0, 16.0),
                List.of(9.0, 11.0, 12.5, 13.5, 14.0, 14.5, 15.5, 17.0, 19.0), DriftStatus.SIGNIFICANT,
                "tempMeanC is 3.1 °C warmer than during training; PSI 0.62, KS p 2.0e-30 after Holm, significant");
        Instant created = Instant.parse("2025-03-14T09:00:00Z");
        return new DriftReport(id, "anomaly-fr", "3", DriftReport.Trigger.SCHEDULED_FULL,
                created.minus(Duration.ofDays(7)), created, created, DriftStatus.SIGNIFICANT, Correction.HOLM,
                DriftThresholds.defaults(), 700, List.of(temp), List.of(), true, false, 12, "electricity:*:odre:PT30M",
                List.of(new RecommendedAction(RecommendedAction.Action.RETRAIN, "anomaly-fr", "inputs drifted")), List.of());
    }
}
