package io.energywatch.service.stores;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Kafka answers a describe-cluster request with at least one broker within {@code timeout}. The admin client is made
 * at the first check and kept (it reconnects by itself), so a check costs one round trip.
 */
public final class KafkaClusterCheck implements StoreCheck, AutoCloseable {

    private final Map<String, Object> config;
    private final Duration timeout;
    private @Nullable Admin admin;

    /** @param adminConfig the admin client's configuration (bootstrap servers, security) */
    public KafkaClusterCheck(Map<String, Object> adminConfig, Duration timeout) {
        this.config = new HashMap<>(adminConfig);
        int millis = Math.toIntExact(timeout.toMillis());
        this.config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        this.config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        this.timeout = timeout;
    }

    @Override
    public Store store() {
        return Store.KAFKA;
    }

    @Override
    public Optional<StoreFailure> probe() {
        try {
            var nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
            return nodes.isEmpty() ? Optional.of(StoreFailure.unavailable(Store.KAFKA, "the cluster has no live broker"))
                    : Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(StoreFailure.unavailable(Store.KAFKA, "no broker of "
                    + config.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG) + " answered within " + timeout.toMillis()
                    + " ms (" + StoreFailures.describe(e.getCause()) + ")"));
        } catch (TimeoutException e) {
            return Optional.of(StoreFailure.unavailable(Store.KAFKA, "no broker of "
                    + config.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG) + " answered within " + timeout.toMillis()
                    + " ms"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(StoreFailure.unavailable(Store.KAFKA, "interrupted while asking the cluster"));
        } catch (RuntimeException e) {
            return Optional.of(StoreFailure.unavailable(Store.KAFKA, StoreFailures.describe(e)));
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(config);
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ZERO);
        }
    }
}
