package io.energywatch.testsupport;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The real Elasticsearch distribution starts, indexes through a monthly index behind an alias, and searches. */
class ElasticsearchTestServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void indexesBehindAnAliasAndFindsTheDocument() throws Exception {
        String es = ElasticsearchTestServer.shared().url();
        assertThat(send("PUT", es + "/_index_template/ew-test", """
                {"index_patterns":["ew-test-*"],"template":{"settings":{"number_of_replicas":0},
                 "mappings":{"properties":{"seriesId":{"type":"keyword"},"energyMwh":{"type":"double"},
                 "intervalStart":{"type":"date"}}},"aliases":{"ew-test":{}}}}""").statusCode()).isEqualTo(200);
        assertThat(send("PUT", es + "/ew-test-2024.01/_doc/electricity-FR-odre-PT30M-20240101T0000Z?refresh=true",
                """
                {"seriesId":"electricity:FR:odre:PT30M","energyMwh":35617.5,"intervalStart":"2024-01-01T00:00:00Z"}
                """).statusCode()).isEqualTo(201);

        var found = send("POST", es + "/ew-test/_search", """
                {"query":{"bool":{"filter":[{"term":{"seriesId":"electricity:FR:odre:PT30M"}},
                 {"range":{"energyMwh":{"gte":35000}}}]}}}""");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("\"total\":{\"value\":1").contains("35617.5");

        var mapping = send("GET", es + "/ew-test-2024.01/_mapping", null);
        assertThat(mapping.body()).contains("\"seriesId\":{\"type\":\"keyword\"}");
    }

    private HttpResponse<String> send(String method, String url, String body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
