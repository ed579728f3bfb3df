package io.energywatch.service.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;

/**
 * Metrics and traces of the platform's own Kafka clients, which Boot's auto-configuration does not build: every
 * listener container factory (built by {@code EventListeners}) gets the Kafka consumer's client metrics (records lag,
 * fetch rates) and, with {@code spring.kafka.listener.observation-enabled}, an observation per record that continues
 * the trace in its {@code traceparent} header. The publisher's templates get theirs in
 * {@code ServiceSupportAutoConfiguration}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(name = {"org.springframework.kafka.core.KafkaTemplate", "io.micrometer.core.instrument.MeterRegistry"})
public class ObservabilityAutoConfiguration {

    @Bean
    static BeanPostProcessor energywatchListenerObservation(ObjectProvider<MeterRegistry> meters,
                                                            ObjectProvider<KafkaProperties> kafka) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractKafkaListenerContainerFactory<?, ?, ?> factory) {
                    KafkaProperties properties = kafka.getIfAvailable();
                    if (properties != null && properties.getListener().isObservationEnabled()) {
                        factory.getContainerProperties().setObservationEnabled(true);
                    }
                    MeterRegistry registry = meters.getIfAvailable();
                    if (registry != null && factory.getConsumerFactory() instanceof DefaultKafkaConsumerFactory<?, ?> c
                            && c.getListeners().stream().noneMatch(MicrometerConsumerListener.class::isInstance)) {
                        c.addListener(new MicrometerConsumerListener<>(registry));
                    }
                }
                return bean;
            }
        };
    }

    @Bean
    TraceContinuation traceContinuation(ObjectProvider<ObservationRegistry> observations) {
        return new TraceContinuation(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }
}
