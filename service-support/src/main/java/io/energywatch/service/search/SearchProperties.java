package io.energywatch.service.search;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * Where every indexing service finds Elasticsearch, under Boot's usual names ({@code SPRING_ELASTICSEARCH_URIS} in the
 * environment); Boot's own Elasticsearch module is not on the classpath (see {@link ElasticsearchClients}).
 *
 * @param uris              Elasticsearch nodes
 * @param connectionTimeout connection timeout of the client
 * @param socketTimeout     response timeout of the client
 */
@Validated
@ConfigurationProperties("spring.elasticsearch")
public record SearchProperties(@NotEmpty List<String> uris,
                               @NotNull @DefaultValue("2s") Duration connectionTimeout,
                               @NotNull @DefaultValue("30s") Duration socketTimeout) {
}
