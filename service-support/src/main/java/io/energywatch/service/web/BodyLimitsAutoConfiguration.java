package io.energywatch.service.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingFilterBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.validation.annotation.Validated;

/**
 * Every servlet service refuses request bodies larger than its route classes allow, before a handler reads them into
 * its heap ({@link BodySizeFilter}, {@code energywatch.body-limits}). The gateway registers its own filter with its own
 * limits, and this one stands back.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnMissingFilterBean(BodySizeFilter.class)
@EnableConfigurationProperties(BodyLimitsAutoConfiguration.ServiceBodyLimits.class)
public class BodyLimitsAutoConfiguration {

    /** @param bodyLimits the service's limits: a default for JSON routes, larger ones for its file routes */
    @Validated
    @ConfigurationProperties("energywatch")
    public record ServiceBodyLimits(@Valid @NotNull BodyLimits bodyLimits) {
    }

    @Bean
    FilterRegistrationBean<BodySizeFilter> bodySizeFilter(ServiceBodyLimits limits) {
        var registration = new FilterRegistrationBean<>(new BodySizeFilter(limits.bodyLimits()));
        // First of all filters: a body too large is refused before security or anything else reads it.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
