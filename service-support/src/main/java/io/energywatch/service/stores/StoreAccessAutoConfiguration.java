package io.energywatch.service.stores;

import io.energywatch.service.health.StoreHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Fail-fast store clients for every service: MongoDB's client timeouts, and the Kafka cluster check with its health
 * component ({@code kafka}). The Kafka producer's {@code max.block.ms} is set where the publisher is built.
 */
@AutoConfiguration(
        beforeName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@EnableConfigurationProperties(StoreAccessProperties.class)
public class StoreAccessAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer")
    static class MongoAccess {

        @Bean
        MongoTimeouts energywatchMongoTimeouts(StoreAccessProperties properties) {
            return new MongoTimeouts(properties.mongodb());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.kafka.core.KafkaAdmin")
    @ConditionalOnBean(KafkaAdmin.class)
    static class KafkaAccess {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        KafkaClusterCheck kafkaClusterCheck(KafkaAdmin admin, StoreAccessProperties properties) {
            return new KafkaClusterCheck(admin.getConfigurationProperties(), properties.kafka().probeTimeout());
        }

        @Bean(name = "kafkaHealthIndicator")
        @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
        StoreHealthIndicator kafkaHealthIndicator(KafkaClusterCheck check) {
            return new StoreHealthIndicator(check);
        }
    }
}
