package io.energywatch.service.search;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Where every indexing service finds Elasticsearch, under Boot's usual names ({@code SPRING_ELASTICSEARCH_URIS},
 * {@code _USERNAME}, {@code _PASSWORD}, {@code _APIKEY} in the environment); Boot's own Elasticsearch module is not on
 * the classpath (see {@link ElasticsearchClients}). Without credentials the client sends no {@code Authorization}
 * header (the local stack's Elasticsearch runs with security off); docker-compose's runs with it on.
 *
 * @param uris              Elasticsearch nodes
 * @param connectionTimeout connection timeout of the client
 * @param socketTimeout     response timeout of the client
 * @param username          user for HTTP Basic authentication, or none
 * @param password          that user's password (only with {@code username})
 * @param apiKey            an encoded API key (the {@code encoded} value Elasticsearch returns when it creates one),
 *                          sent as {@code Authorization: ApiKey ...}; exclusive with {@code username}
 */
@Validated
@ConfigurationProperties("spring.elasticsearch")
public record SearchProperties(@NotEmpty List<String> uris,
                               @NotNull @DefaultValue("2s") Duration connectionTimeout,
                               @NotNull @DefaultValue("30s") Duration socketTimeout,
                               String username,
                               String password,
                               String apiKey) {

    public SearchProperties {
        username = blankToNull(username);
        password = blankToNull(password);
        apiKey = blankToNull(apiKey);
        if (password != null && username == null) {
            throw new IllegalArgumentException("spring.elasticsearch.password is set without spring.elasticsearch"
                    + ".username");
        }
        if (username != null && apiKey != null) {
            throw new IllegalArgumentException("spring.elasticsearch.username and spring.elasticsearch.api-key are "
                    + "both set: choose one way to authenticate");
        }
    }

    /** The {@code Authorization} header value every request carries, if credentials are set. */
    public Optional<String> authorization() {
        if (apiKey != null) {
            return Optional.of("ApiKey " + apiKey);
        }
        if (username != null) {
            String pair = username + ":" + (password == null ? "" : password);
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return Optional.empty();
    }

    /** Credentials stay out of logs and failure analyses that print the bound record. */
    @Override
    public String toString() {
        return "SearchProperties[uris=" + uris + ", connectionTimeout=" + connectionTimeout + ", socketTimeout="
                + socketTimeout + ", username=" + username + ", password=" + (password == null ? null : "****")
                + ", apiKey=" + (apiKey == null ? null : "****") + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
