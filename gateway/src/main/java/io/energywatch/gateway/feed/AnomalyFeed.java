package io.energywatch.gateway.feed;

import io.energywatch.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/**
 * Reads the public anomalies topic and hands every record's JSON to the connected browsers. Each gateway instance
 * has its own consumer group (a random id) starting at the latest offset: every instance sees every new anomaly, none
 * replays history (the console reads that from the API), and nothing is committed. The record's value goes out as
 * published ({@code AnomalyDetected} JSON), so the gateway needs no contract mapping of its own.
 */
@Component
public class AnomalyFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AnomalyFeed.class);

    /** One published anomaly: its event id (the SSE id) and its JSON. */
    public record FeedEvent(String id, String json) {
    }

    private final String bootstrapServers;
    private final FeedProperties properties;
    private final Set<Consumer<FeedEvent>> subscribers = new CopyOnWriteArraySet<>();
    private final ArrayDeque<FeedEvent> recent = new ArrayDeque<>();
    private volatile KafkaConsumer<String, String> consumer;
    private volatile Thread thread;
    private volatile boolean assigned;

    AnomalyFeed(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers, FeedProperties properties) {
        this.bootstrapServers = bootstrapServers;
        this.properties = properties;
    }

    /** Registers a subscriber and answers the recent events (oldest first) it should show before the live ones. */
    public List<FeedEvent> subscribe(Consumer<FeedEvent> subscriber) {
        subscribers.add(subscriber);
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    public void unsubscribe(Consumer<FeedEvent> subscriber) {
        subscribers.remove(subscriber);
    }

    public int subscribers() {
        return subscribers.size();
    }

    /** Whether the consumer has its partitions (from then on, every new anomaly reaches the subscribers). */
    public boolean assigned() {
        return assigned;
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "energywatch-gateway-console-" + UUID.randomUUID());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "energywatch-gateway-console");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer = new KafkaConsumer<>(config);
        thread = Thread.ofPlatform().name("console-feed").daemon().start(this::run);
    }

    private void run() {
        KafkaConsumer<String, String> kafka = consumer;
        try (kafka) {
            kafka.subscribe(List.of(Topics.ANOMALIES.name()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    assigned = !partitions.isEmpty();
                }
            });
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, String> record : kafka.poll(properties.pollTimeout())) {
                    if (record.value() != null) {
                        publish(new FeedEvent(record.topic() + "-" + record.partition() + "-" + record.offset(),
                                record.value()));
                    }
                }
            }
        } catch (WakeupException stopping) {
            // stop() woke the consumer up: the loop ends and the consumer closes.
        } catch (RuntimeException e) {
            log.error("the console's anomaly feed stopped: {}", e.toString(), e);
        } finally {
            assigned = false;
        }
    }

    void publish(FeedEvent event) {
        if (properties.recent() > 0) {
            synchronized (recent) {
                if (recent.size() == properties.recent()) {
                    recent.removeFirst();
                }
                recent.addLast(event);
            }
        }
        for (Consumer<FeedEvent> subscriber : subscribers) {
            subscriber.accept(event);
        }
    }

    @Override
    public void stop() {
        KafkaConsumer<String, String> kafka = consumer;
        Thread running = thread;
        if (kafka == null || running == null) {
            return;
        }
        kafka.wakeup();
        try {
            running.join(properties.pollTimeout().plusSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer = null;
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
