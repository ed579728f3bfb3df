package io.energywatch.fusion.enrichment;

import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.DeadLetters;
import io.energywatch.contracts.EventSerde;
import io.energywatch.contracts.EventTimeWindow;
import io.energywatch.contracts.SocialMovementDeclared;
import io.energywatch.contracts.WeatherObserved;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Function;

/**
 * The fusion topology, a plain class so that tests run it in {@code TopologyTestDriver} without Spring.
 *
 * <p>Weather and movements (a few records a day) are broadcast to every partition of one internal context topic, so
 * each task holds the whole context, and consumption (the volume) is fused where it is read, without a repartition:
 * one hop from the raw topic to the enriched topic. Each task keeps its measurements by local day for the grace period,
 * so late weather or movements re-emit them. Stores are in memory with changelogs (restored on restart or migration):
 * what they hold is bounded by the grace period (measurements) and the context retention (a few records a day), and
 * RocksDB, flushed at every exactly-once commit, made the fusion ten times slower (see FUSION.md). Measurements are
 * kept one entry per series and day ({@link KeptDay}) behind the record cache, which absorbs a day's rewrites between
 * commits; the context stores are written rarely, every write is a distinct key, and they are not cached.
 */
public final class FusionTopology {

    public static final String CONSUMPTION_STORE = "fusion-consumption-by-day";
    public static final String WEATHER_STORE = "fusion-weather-by-day";
    public static final String MOVEMENT_STORE = "fusion-movements";
    public static final String MOVEMENT_DAY_STORE = "fusion-movement-days";
    /** {@code date|area} -> the weather context the day's kept measurements of that area were last emitted with. */
    public static final String EMITTED_WEATHER_STORE = "fusion-emitted-weather";
    /** The internal topic is {@code <application.id>-context-broadcast-repartition}. */
    public static final String CONTEXT_BROADCAST = "context-broadcast";

    private final FusionTopics topics;
    private final FusionSettings settings;
    private final WeatherView view;
    private final FusionMeters meters;
    private final PlausibleTimes times;

    /** A fusion that learns weather only through the context broadcast (tests of the broadcast path). */
    public FusionTopology(FusionTopics topics, FusionSettings settings, PlausibleTimes times) {
        this(topics, settings, WeatherView.NONE, times);
    }

    /** {@code view}: weather already read from the raw topic by this instance, see {@link GlobalWeatherView}. */
    public FusionTopology(FusionTopics topics, FusionSettings settings, WeatherView view, PlausibleTimes times) {
        this(topics, settings, view, FusionMeters.NONE, times);
    }

    /**
     * {@code meters}: counts records in and out and measures the enriched records' age; {@code times}: records outside
     * them go to their topic's dead-letter topic without touching stream time.
     */
    public FusionTopology(FusionTopics topics, FusionSettings settings, WeatherView view, FusionMeters meters,
                          PlausibleTimes times) {
        this.topics = topics;
        this.settings = settings;
        this.view = view;
        this.meters = meters;
        this.times = times;
    }

    /** Adds the fusion to {@code builder} and returns the enriched stream (already sent to the enriched topic). */
    public KStream<String, ConsumptionEnriched> build(StreamsBuilder builder) {
        String source = settings.ceSource();
        var time = new EventTimeExtractor(times);
        var weatherSerde = EventSerde.of(WeatherObserved.class, source);
        KStream<String, EnergyWatchEvent> weather = plausible(builder
                .stream(topics.weather(), Consumed.with(Serdes.String(), weatherSerde)
                        .withTimestampExtractor(time).withName("weather-source")), topics.weather(), w -> w,
                weatherSerde, "weather")
                .mapValues(w -> {
                    meters.consumed(topics.weather());
                    return (EnergyWatchEvent) w;
                }, Named.as("weather-as-context"));
        var movementSerde = EventSerde.of(SocialMovementDeclared.class, source);
        KStream<String, EnergyWatchEvent> movements = plausible(builder
                .stream(topics.movements(), Consumed.with(Serdes.String(), movementSerde)
                        .withTimestampExtractor(time).withName("movements-source")), topics.movements(), m -> m,
                movementSerde, "movements")
                .mapValues(m -> {
                    meters.consumed(topics.movements());
                    return (EnergyWatchEvent) m;
                }, Named.as("movements-as-context"));
        KStream<String, EnergyWatchEvent> context = weather.merge(movements, Named.as("context-merge"))
                .repartition(Repartitioned.<String, EnergyWatchEvent>with(Serdes.String(), EventSerde.any(source))
                        .withName(CONTEXT_BROADCAST)
                        .withNumberOfPartitions(settings.contextPartitions())
                        .withStreamPartitioner(new ContextBroadcast()));

        // Read as the fusion's input type directly: one processor node less for every measurement.
        var consumptionSerde = KeptMeasurement.source(source);
        KStream<String, Object> consumption = plausible(builder
                .stream(topics.consumption(), Consumed.with(Serdes.String(), consumptionSerde)
                        .withTimestampExtractor(time).withName("consumption-source")), topics.consumption(),
                v -> ((KeptMeasurement) v).value(), consumptionSerde, "consumption")
                .peek((k, v) -> meters.consumed(topics.consumption()), Named.as("consumption-count"));

        KStream<String, ConsumptionEnriched> enriched = consumption
                .merge(context.mapValues(c -> (Object) c, Named.as("context-as-input")), Named.as("fusion-input"))
                .process(new Supplier(settings, view), Named.as("fusion"));
        enriched.peek((k, v) -> meters.enriched(topics.enriched(), v), Named.as("enriched-count"))
                .to(topics.enriched(), Produced.with(Serdes.String(),
                        EventSerde.of(ConsumptionEnriched.class, source)).withName("enriched-sink"));
        return enriched;
    }

    /**
     * The records of {@code in} whose event time is plausible; the others go, bytes as read and the reason in the
     * dead-letter headers, to the topic's dead-letter topic (in the task's transaction, like unreadable records).
     */
    private <V> KStream<String, V> plausible(KStream<String, V> in, String topic,
                                             Function<V, EnergyWatchEvent> event, Serde<V> serde, String name) {
        String prefix = name + "-time-";
        var branches = in.split(Named.as(prefix))
                .branch((k, v) -> v == null || times.admits(event.apply(v)), Branched.as("plausible"))
                .defaultBranch(Branched.as("implausible"));
        String deadLetters = topic + DeadLetters.SUFFIX;
        branches.get(prefix + "implausible")
                .processValues(() -> new FixedKeyProcessor<String, V, V>() {
                    private FixedKeyProcessorContext<String, V> context;

                    @Override
                    public void init(FixedKeyProcessorContext<String, V> context) {
                        this.context = context;
                    }

                    @Override
                    public void process(FixedKeyRecord<String, V> record) {
                        String reason = times.refusal(event.apply(record.value())).orElse("implausible event time");
                        var headers = new RecordHeaders(record.headers().toArray());
                        headers.add(DeadLetters.REASON, reason.getBytes(StandardCharsets.UTF_8));
                        headers.add(DeadLetters.FIELD, EventTimeWindow.field(event.apply(record.value()))
                                .getBytes(StandardCharsets.UTF_8));
                        headers.add(DeadLetters.ORIGIN, topic.getBytes(StandardCharsets.UTF_8));
                        meters.deadLettered(deadLetters);
                        context.forward(record.withHeaders(headers));
                    }
                }, Named.as(name + "-implausible-reason"))
                .to(deadLetters, Produced.with(Serdes.String(), serde).withName(name + "-implausible-sink"));
        return branches.get(prefix + "plausible");
    }

    public Topology topology() {
        var builder = new StreamsBuilder();
        build(builder);
        return builder.build();
    }

    private record Supplier(FusionSettings settings, WeatherView view)
            implements ProcessorSupplier<String, Object, String, ConsumptionEnriched> {

        @Override
        public Processor<String, Object, String, ConsumptionEnriched> get() {
            return new ConsumptionFusion(settings, view);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            String source = settings.ceSource();
            return Set.of(
                    // The one cached store: its record cache absorbs a day's rewrites between commits (KeptDay). On
                    // disk (RocksDB), not in the heap: days wait for their region's weather up to the context
                    // retention, so meters of a region without weather keep a year of readings (a backlog of a million
                    // readings held in memory took the 448 MB heap and the service into a crash loop).
                    Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CONSUMPTION_STORE), Serdes.String(),
                            KeptDay.serde()).withCachingEnabled(),
                    store(WEATHER_STORE, EventSerde.of(WeatherObserved.class, source)),
                    store(MOVEMENT_STORE, EventSerde.of(SocialMovementDeclared.class, source)),
                    store(MOVEMENT_DAY_STORE, Serdes.String()),
                    store(EMITTED_WEATHER_STORE, Serdes.String()));
        }

        private static <V> StoreBuilder<?> store(String name, Serde<V> values) {
            return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
                    .withCachingDisabled();
        }
    }
}
