package io.energywatch.testsupport;

import io.energywatch.service.observability.EnergyWatchMeters;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.utils.Utils;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Several instances of one service in the test JVM, as a scaled-out deployment runs them on one broker: each on its own
 * HTTP port, trusting {@link TestTokens}, on the shared {@link KafkaTestBroker}, with the properties a test gives per
 * instance (group ids, state directories).
 */
public final class ServiceInstances implements AutoCloseable {

    private final List<ConfigurableApplicationContext> instances;

    private ServiceInstances(List<ConfigurableApplicationContext> instances) {
        this.instances = instances;
    }

    /** Starts {@code count} instances one after the other; {@code properties} gets the instance number from 1. */
    public static ServiceInstances start(Class<?> application, int count,
                                         IntFunction<Map<String, Object>> properties) {
        List<ConfigurableApplicationContext> started = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Map<String, Object> all = new HashMap<>(TestTokens.properties());
            all.put("server.port", 0);
            all.put("spring.kafka.bootstrap-servers", KafkaTestBroker.bootstrapServers());
            all.putAll(properties.apply(i));
            // Arguments, not default properties: they must win over application.yml (server.port above all).
            started.add(new SpringApplicationBuilder(application).run(all.entrySet().stream()
                    .map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new)));
        }
        return new ServiceInstances(List.copyOf(started));
    }

    public List<ConfigurableApplicationContext> all() {
        return instances;
    }

    public ConfigurableApplicationContext get(int index) {
        return instances.get(index);
    }

    /** The records an instance counted in from {@code topic} ({@code energywatch.records}, direction in). */
    public double recordsIn(int index, String topic) {
        var counter = instances.get(index).getBean(MeterRegistry.class).find(EnergyWatchMeters.RECORDS)
                .tags("topic", topic, "direction", "in").counter();
        return counter == null ? 0 : counter.count();
    }

    /**
     * One key per partition of a topic with {@code partitions} partitions, as the producer's default partitioner places
     * keyed records (murmur2 of the UTF-8 key): the first candidate that lands on each partition.
     */
    public static List<String> keysCoveringEveryPartition(int partitions, IntFunction<String> candidate) {
        Map<Integer, String> byPartition = new TreeMap<>();
        for (int i = 0; byPartition.size() < partitions; i++) {
            String key = candidate.apply(i);
            byPartition.putIfAbsent(Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions,
                    key);
        }
        return List.copyOf(byPartition.values());
    }

    @Override
    public void close() {
        instances.forEach(ConfigurableApplicationContext::close);
    }
}
