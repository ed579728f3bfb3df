package io.energywatch.service.carbon;

import io.energywatch.analytics.carbon.CarbonMeter;
import io.energywatch.analytics.carbon.CarbonSettings;
import io.energywatch.service.ServiceSupportAutoConfiguration;
import io.energywatch.service.kafka.EventPublisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Every service that has analytics-core and publishes events records its model runs: one {@link ModelRuns} with the
 * machine's {@link CarbonMeter}, configured by {@code energywatch.carbon.*}.
 */
@AutoConfiguration(after = ServiceSupportAutoConfiguration.class)
@ConditionalOnClass(name = "io.energywatch.analytics.carbon.CarbonMeter")
@ConditionalOnBean(EventPublisher.class)
@EnableConfigurationProperties(CarbonProperties.class)
public class ModelRunsAutoConfiguration {

    @Bean
    ModelRuns modelRuns(EventPublisher publisher, CarbonProperties properties,
                        @Value("${spring.application.name}") String application) {
        CarbonMeter meter = properties.enabled() ? CarbonMeter.forThisMachine(
                new CarbonSettings(properties.country(), properties.intensityGPerKwh(), properties.pue(),
                        properties.wattsPerThread(), properties.ramWatts()),
                properties.powercapRoot(), properties.cpuinfo()) : null;
        return new ModelRuns(publisher, meter, application, properties.maxErrorMessage());
    }
}
