package io.energywatch.service.search;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Elasticsearch client authenticates when credentials are set (docker-compose runs Elasticsearch with security on)
 * and sends nothing otherwise (the local stack's runs with it off): a local HTTP server records each request's
 * {@code Authorization} header.
 */
class ElasticsearchClientsTest {

    private static final String NO_HEADER = "(none)";

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void startRecordingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization == null ? NO_HEADER : authorization);
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void usernameAndPasswordFromTheEnvironmentAreSentAsBasicOnEveryRequest() throws IOException {
        var properties = bind(Map.of("SPRING_ELASTICSEARCH_URIS", uri(),
                "SPRING_ELASTICSEARCH_USERNAME", "energywatch", "SPRING_ELASTICSEARCH_PASSWORD", "s3cret-pw"));

        send(properties, 2);

        String expected = "Basic " + Base64.getEncoder()
                .encodeToString("energywatch:s3cret-pw".getBytes(StandardCharsets.UTF_8));
        assertThat(authorizations).containsExactly(expected, expected);
    }

    @Test
    void anApiKeyIsSentAsApiKey() throws IOException {
        String encoded = Base64.getEncoder().encodeToString("key-id:key-secret".getBytes(StandardCharsets.UTF_8));
        var properties = bind(Map.of("SPRING_ELASTICSEARCH_URIS", uri(), "SPRING_ELASTICSEARCH_APIKEY", encoded));

        send(properties, 1);

        assertThat(authorizations).containsExactly("ApiKey " + encoded);
    }

    @Test
    void withoutCredentialsNoAuthorizationHeaderIsSent() throws IOException {
        try (Rest5Client rest = ElasticsearchClients.rest(List.of(uri()), Duration.ofSeconds(2),
                Duration.ofSeconds(5))) {
            rest.performRequest(new Request("GET", "/_cluster/health"));
        }
        var blank = bind(Map.of("SPRING_ELASTICSEARCH_URIS", uri(), "SPRING_ELASTICSEARCH_USERNAME", "",
                "SPRING_ELASTICSEARCH_PASSWORD", ""));
        send(blank, 1);

        assertThat(authorizations).containsExactly(NO_HEADER, NO_HEADER);
        assertThat(blank.authorization()).isEmpty();
    }

    @Test
    void aPasswordWithoutAUserOrAUserBesideAnApiKeyIsRefused() {
        assertThatThrownBy(() -> new SearchProperties(List.of(uri()), Duration.ofSeconds(2), Duration.ofSeconds(5),
                null, "pw", null)).hasMessageContaining("password is set without spring.elasticsearch.username");
        assertThatThrownBy(() -> new SearchProperties(List.of(uri()), Duration.ofSeconds(2), Duration.ofSeconds(5),
                "energywatch", "pw", "key")).hasMessageContaining("choose one way to authenticate");
    }

    @Test
    void theSecretsStayOutOfTheRecordsText() {
        var properties = new SearchProperties(List.of(uri()), Duration.ofSeconds(2), Duration.ofSeconds(5),
                "energywatch", "s3cret-pw", null);

        assertThat(properties.toString()).contains("username=energywatch").doesNotContain("s3cret-pw");
    }

    private void send(SearchProperties properties, int requests) throws IOException {
        try (Rest5Client rest = ElasticsearchClients.rest(properties)) {
            for (int i = 0; i < requests; i++) {
                rest.performRequest(new Request("GET", "/_cluster/health"));
            }
        }
    }

    /** Binds the record from environment variables, as a container receives them from docker-compose. */
    private static SearchProperties bind(Map<String, Object> environment) {
        var source = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment);
        return new Binder(ConfigurationPropertySources.from(source))
                .bindOrCreate("spring.elasticsearch", SearchProperties.class);
    }

    private String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
