package io.energywatch.service.web;

import io.energywatch.service.stores.StoreAccessProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/** problem+json errors for every servlet service, with or without Kafka (the gateway has none). */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(StoreAccessProperties.class)
@Import(ProblemResponses.class)
public class ProblemResponsesAutoConfiguration {
}
