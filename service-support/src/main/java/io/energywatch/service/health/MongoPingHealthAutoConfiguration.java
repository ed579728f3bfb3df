package io.energywatch.service.health;

import com.mongodb.client.MongoClient;
import io.energywatch.service.stores.MongoPing;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Registers the {@link MongoPing} check and its health component under the name Boot's Mongo health configuration
 * backs off from, after the client exists and before Boot would register its {@code hello}-based indicator.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@ConditionalOnClass(name = {"com.mongodb.client.MongoClient",
        "org.springframework.boot.health.contributor.HealthIndicator"})
public class MongoPingHealthAutoConfiguration {

    @Bean
    @ConditionalOnBean(MongoClient.class)
    MongoPing mongoPing(MongoClient client) {
        return new MongoPing(client);
    }

    @Bean(name = "mongoHealthIndicator")
    @ConditionalOnBean(MongoClient.class)
    StoreHealthIndicator mongoHealthIndicator(MongoPing ping) {
        return new StoreHealthIndicator(ping);
    }
}
