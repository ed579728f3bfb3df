package io.energywatch.service.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;

/** problem+json errors for every servlet service, with or without Kafka (the gateway has none). */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ProblemResponses.class)
public class ProblemResponsesAutoConfiguration {
}
