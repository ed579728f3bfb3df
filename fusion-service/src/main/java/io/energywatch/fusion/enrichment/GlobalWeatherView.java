package io.energywatch.fusion.enrichment;

import io.energywatch.contracts.EventSerde;
import io.energywatch.contracts.WeatherObserved;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link WeatherView} over a Kafka Streams global store of the raw weather topic, run as its own small Streams
 * instance beside the fusion: a topic cannot feed both a global store and a stream of one topology, and the fusion
 * needs the stream to re-emit on late weather.
 *
 * <p>Why it exists: a global store is read to the end of its topic before anything else runs, whereas weather reaching
 * a fusion task through the broadcast topic arrives only after that task has already fused most of a backfill's
 * consumption without it (FUSION.md, "Bench"). {@link #start(Duration)} waits for that bootstrap, so the fusion, started
 * after it, finds every day's weather already published. A record that fails to deserialise is skipped here: the
 * fusion itself dead-letters it.
 */
public final class GlobalWeatherView implements WeatherView, AutoCloseable {

    static final String STORE = "fusion-weather-view";
    /** How often the start-up asks whether the weather topic exists yet. */
    private static final Duration TOPIC_POLL = Duration.ofMillis(250);
    private static final Logger log = LoggerFactory.getLogger(GlobalWeatherView.class);

    private final KafkaStreams streams;
    private final String weatherTopic;
    private final Map<String, Object> adminConfig;
    private final CountDownLatch running = new CountDownLatch(1);
    /**
     * The weather by day and region, as records, written by the global thread (also while it restores: a global
     * store's processor reprocesses its topic on restore). This map is the view: reading a store would parse every
     * value on every read, so the global store Kafka Streams requires is left empty.
     */
    private final Map<LocalDate, Map<String, WeatherObserved>> byDay = new ConcurrentHashMap<>();

    /**
     * @param config Streams configuration of the fusion (bootstrap servers, security, state directory); the view uses
     *               its own application id, {@code <fusion application id>-weather-view}
     */
    public GlobalWeatherView(String weatherTopic, String ceSource, Map<String, Object> config) {
        this.weatherTopic = weatherTopic;
        var builder = new StreamsBuilder();
        var serde = EventSerde.of(WeatherObserved.class, ceSource);
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(), serde)
                        .withLoggingDisabled(),
                weatherTopic, Consumed.with(Serdes.String(), serde).withName("weather-view-source"),
                () -> new ByDay(byDay));
        Properties props = new Properties();
        props.putAll(config);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.get(StreamsConfig.APPLICATION_ID_CONFIG) + "-weather-view");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class.getName());
        // Weather is written by the ingestion's transactional relay: never show what it aborted.
        props.put(StreamsConfig.globalConsumerPrefix("isolation.level"), "read_committed");
        // The admin client the start-up asks about the topic with: the view's own bootstrap servers and security.
        this.adminConfig = new HashMap<>(new StreamsConfig(props).getAdminConfigs(STORE + "-topic-wait"));
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        this.streams = new KafkaStreams(builder.build(), props);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
    }

    /**
     * Starts the view and waits at most {@code bootstrap} until it has read the weather topic to its end. Returns
     * whether it has; when not (Kafka slow or down), the view fills in the background and the fusion is only slower.
     * A global store fails at once on a topic without partitions, and on a fresh cluster the topic is created by the
     * services' own start-up, maybe this one's a moment before: so the view first waits, within the same
     * {@code bootstrap}, until the broker knows the topic, and fails naming it when it never does.
     */
    public boolean start(Duration bootstrap) {
        long deadline = System.nanoTime() + bootstrap.toNanos();
        awaitTopic(bootstrap, deadline);
        streams.start();
        try {
            long left = Math.max(0, deadline - System.nanoTime());
            boolean ready = running.await(left, TimeUnit.NANOSECONDS);
            if (!ready) {
                log.warn("The weather view has not read the weather topic to its end within {}; the fusion starts"
                        + " anyway and relies on the context broadcast until it has", bootstrap);
            }
            return ready;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitTopic(Duration bootstrap, long deadline) {
        String last = "no answer yet";
        try (Admin admin = Admin.create(adminConfig)) {
            while (true) {
                try {
                    var described = admin.describeTopics(List.of(weatherTopic)).allTopicNames()
                            .get(5, TimeUnit.SECONDS).get(weatherTopic);
                    if (described != null && !described.partitions().isEmpty()) {
                        return;
                    }
                    last = "no partitions";
                } catch (ExecutionException | TimeoutException e) {
                    last = String.valueOf(e instanceof ExecutionException ? e.getCause() : e);
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new IllegalStateException("the weather topic " + weatherTopic + " has no partitions after "
                            + bootstrap + " (" + last + "): create it, or start a service that creates the platform's"
                            + " topics (energywatch.kafka.create-topics)");
                }
                // Kafka tells no client when a topic appears: a poll, bounded by the bootstrap deadline above.
                Thread.sleep(TOPIC_POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the weather topic " + weatherTopic, e);
        }
    }

    /** The view's Streams state (RUNNING once it has read the topic to its end and while it follows it). */
    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Local days of weather the view holds. */
    public int days() {
        return byDay.size();
    }

    @Override
    public @Nullable WeatherObserved get(LocalDate date, String regionCode) {
        Map<String, WeatherObserved> day = byDay.get(date);
        return day == null ? null : day.get(regionCode);
    }

    @Override
    public Map<String, WeatherObserved> day(LocalDate date) {
        Map<String, WeatherObserved> day = byDay.get(date);
        return day == null ? Map.of() : Map.copyOf(day);
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(10));
    }

    /** Keys each observation by its local day and region (the raw topic is keyed by region only). */
    private static final class ByDay implements Processor<String, WeatherObserved, Void, Void> {

        private final Map<LocalDate, Map<String, WeatherObserved>> records;

        ByDay(Map<LocalDate, Map<String, WeatherObserved>> records) {
            this.records = records;
        }

        @Override
        public void process(Record<String, WeatherObserved> record) {
            WeatherObserved w = record.value();
            if (w != null) {
                records.computeIfAbsent(w.date(), d -> new ConcurrentHashMap<>()).put(w.regionCode(), w);
            }
        }
    }
}
