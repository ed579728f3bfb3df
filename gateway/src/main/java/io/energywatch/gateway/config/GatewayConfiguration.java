package io.energywatch.gateway.config;

import io.energywatch.service.openapi.OpenApiAutoConfiguration;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Beans the gateway's features share. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The gateway's own document also lists the rate limit's answer on every operation. */
    @Bean
    OpenApiCustomizer rateLimitResponse() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                    operation.getResponses().addApiResponse("429", new ApiResponse()
                            .description("Over the caller's rate limit: retry after Retry-After seconds "
                                    + "(RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset on every answer)")
                            .content(new Content().addMediaType("application/problem+json", new MediaType()
                                    .schema(new Schema<>().$ref("#/components/schemas/"
                                            + OpenApiAutoConfiguration.PROBLEM)))))));
        };
    }
}
