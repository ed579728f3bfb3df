package io.energywatch.fusion.enrichment;

import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.fusion.config.FusionProperties;
import io.energywatch.service.time.EventTimeProperties;
import io.energywatch.service.ServiceSupportAutoConfiguration;
import io.energywatch.service.kafka.KafkaEventsProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.KStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link FusionTopology} through spring-kafka's {@code StreamsBuilderFactoryBean} with exactly_once_v2, event-time
 * stream time and dead-lettering of unreadable input.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class StreamsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StreamsConfiguration.class);

    @Bean(name = KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME)
    KafkaStreamsConfiguration fusionStreamsConfig(KafkaProperties kafka, KafkaEventsProperties events,
                                                  FusionProperties properties) {
        var streams = properties.streams();
        Map<String, Object> config = new HashMap<>();
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()));
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, streams.applicationId());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streams.threads());
        config.put(StreamsConfig.STATE_DIR_CONFIG, streams.stateDir().toAbsolutePath().toString());
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, streams.commitInterval().toMillis());
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) Math.max(1, events.replicationFactor()));
        config.put(StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG, EventTimeExtractor.class.getName());
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetteringDeserializationHandler.class.getName());
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, streams.recordCache().toBytes());
        config.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, streams.standbyReplicas());
        config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        config.put(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG, streams.rocksdbMemory().toBytes());
        // Never wait for the context partition to have data before processing consumption: final records do not
        // depend on the order the two arrive in (ConsumptionFusion#weather), and waiting checks every partition for
        // every record.
        config.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        config.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        config.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 20);
        config.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 2000);
        return new KafkaStreamsConfiguration(config);
    }

    /**
     * A stopping service leaves the group, so its restart (or another instance) takes the tasks over at once instead of
     * after the session timeout; the transaction in flight is committed or aborted by the close, never half-applied.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer leaveGroupOnClose() {
        return factory -> factory.setLeaveGroupOnClose(true);
    }

    /**
     * The weather view, started (and bootstrapped) in a lifecycle phase before the fusion's StreamsBuilderFactoryBean,
     * so that the fusion tasks find the weather already published when they start.
     */
    @Bean
    GlobalWeatherView weatherView(KafkaStreamsConfiguration fusionStreamsConfig,
                                  @Value("${spring.application.name}") String application) {
        Map<String, Object> config = new HashMap<>();
        fusionStreamsConfig.asProperties().forEach((k, v) -> config.put((String) k, v));
        return new GlobalWeatherView(FusionTopics.platform().weather(),
                ServiceSupportAutoConfiguration.ceSource(application), config);
    }

    @Bean
    SmartLifecycle weatherViewLifecycle(GlobalWeatherView view, FusionProperties properties,
                                        StreamsBuilderFactoryBean fusion) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                view.start(properties.streams().weatherViewBootstrap());
                running = true;
            }

            @Override
            public void stop() {
                view.close();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return fusion.getPhase() - 1;
            }
        };
    }

    @Bean
    FusionTopology fusionTopology(FusionProperties properties, KafkaProperties kafka, GlobalWeatherView weatherView,
                                  @Value("${spring.application.name}") String application, MeterRegistry meters,
                                  EventTimeProperties eventTime) {
        FusionTopics topics = FusionTopics.platform();
        var p = properties.streams();
        var settings = new FusionSettings(p.grace(), p.contextRetention(), p.purgeInterval(),
                p.contextPartitions() > 0 ? p.contextPartitions() : consumptionPartitions(kafka, topics.consumption()),
                properties.degreeDays().heatingBaseC(), properties.degreeDays().coolingBaseC(),
                ServiceSupportAutoConfiguration.ceSource(application));
        return new FusionTopology(topics, settings, weatherView, FusionMeters.micrometer(meters, Clock.systemUTC()),
                new PlausibleTimes(eventTime.window(), Clock.systemUTC()));
    }

    @Bean
    KStream<String, ConsumptionEnriched> enrichedStream(StreamsBuilder builder, FusionTopology topology) {
        return topology.build(builder);
    }

    /**
     * The context topic must have as many partitions as the consumption topic: read them, or take the registry's hint
     * (what service-support creates the topic with) when the topic does not exist yet or Kafka does not answer.
     */
    private static int consumptionPartitions(KafkaProperties kafka, String topic) {
        int hint = io.energywatch.contracts.Topics.CONSUMPTION_RAW.partitionsHint();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                String.join(",", kafka.getBootstrapServers()), AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
                    .partitions().size();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.info("Partitions of {} unknown ({}{}); the context topic gets the registry's {}", topic, e,
                    e.getCause() == null ? "" : ", caused by " + e.getCause(), hint);
            return hint;
        }
    }
}
