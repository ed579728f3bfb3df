package io.energywatch.service.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The official Elasticsearch client, built the same way by every service that indexes: Boot 4.1.1's own Elasticsearch
 * modules are missing from Maven Central (shared/STACK-NOTES.md). Documents go through Jackson 3 (ISO dates, records),
 * the same library as the events. Building the client opens no connection, so a service starts with Elasticsearch down.
 */
public final class ElasticsearchClients {

    private ElasticsearchClients() {
    }

    /** The low-level client over {@code uris}, without credentials; close it with the application context. */
    public static Rest5Client rest(List<String> uris, Duration connectTimeout, Duration socketTimeout) {
        return rest(new SearchProperties(uris, connectTimeout, socketTimeout, null, null, null));
    }

    /**
     * The low-level client of {@code properties}: every request carries their {@code Authorization} header when
     * credentials are set (Basic or ApiKey), none otherwise. Close it with the application context.
     */
    public static Rest5Client rest(SearchProperties properties) {
        URI[] nodes = properties.uris().stream().map(String::trim).map(URI::create).toArray(URI[]::new);
        Duration connectTimeout = properties.connectionTimeout();
        Duration socketTimeout = properties.socketTimeout();
        Header[] headers = properties.authorization()
                .map(value -> new Header[] {new BasicHeader(HttpHeaders.AUTHORIZATION, value, true)})
                .orElseGet(() -> new Header[0]);
        return Rest5Client.builder(nodes)
                .setDefaultHeaders(headers)
                .setRequestConfigCallback(request -> request
                        .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                        .setResponseTimeout(Timeout.of(socketTimeout)))
                .setConnectionConfigCallback(connection -> connection
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(socketTimeout)))
                .build();
    }

    public static ElasticsearchClient client(Rest5Client rest) {
        return new ElasticsearchClient(new Rest5ClientTransport(rest, new Jackson3JsonpMapper(JsonMapper.builder()
                .build())));
    }
}
