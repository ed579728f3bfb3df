package io.energywatch.fusion.enrichment;

import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.DeadLetters;
import io.energywatch.contracts.EventSerde;
import io.energywatch.contracts.EventTimeWindow;
import io.energywatch.contracts.SocialMovementDeclared;
import io.energywatch.contracts.WeatherObserved;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;

/** The fusion topology in a {@code TopologyTestDriver}, with typed topics for the tests. */
final class FusionDriver implements AutoCloseable {

    static final FusionTopics TOPICS = FusionTopics.platform();
    static final String SOURCE = "/energywatch/fusion-service-test";

    final TopologyTestDriver driver;
    final TestInputTopic<String, ConsumptionMeasured> consumption;
    final TestInputTopic<String, WeatherObserved> weather;
    final TestInputTopic<String, SocialMovementDeclared> movements;
    final TestInputTopic<String, byte[]> rawConsumption;
    final TestOutputTopic<String, ConsumptionEnriched> enriched;
    final TestOutputTopic<String, byte[]> consumptionDeadLetters;

    FusionDriver() {
        this(settings(Duration.ofDays(7)));
    }

    FusionDriver(FusionSettings settings) {
        this(settings, Instant.parse("2030-01-01T00:00:00Z"));
    }

    /** {@code wallClock}: the driver's start time, which must not show in any output. */
    FusionDriver(FusionSettings settings, Instant wallClock) {
        this(settings, wallClock, WeatherView.NONE);
    }

    /** {@code view}: the weather the instance read from the raw topic, outside the task (see GlobalWeatherView). */
    FusionDriver(WeatherView view) {
        this(settings(Duration.ofDays(7)), Instant.parse("2030-01-01T00:00:00Z"), view);
    }

    FusionDriver(FusionSettings settings, Instant wallClock, WeatherView view) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "fusion-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetteringDeserializationHandler.class.getName());
        try {
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("fusion-ttd").toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        driver = new TopologyTestDriver(new FusionTopology(TOPICS, settings, view, times(wallClock)).topology(), props,
                wallClock);
        var keys = new StringSerializer();
        consumption = driver.createInputTopic(TOPICS.consumption(), keys,
                EventSerde.of(ConsumptionMeasured.class, "/energywatch/ingestion-service"));
        weather = driver.createInputTopic(TOPICS.weather(), keys,
                EventSerde.of(WeatherObserved.class, "/energywatch/ingestion-service"));
        movements = driver.createInputTopic(TOPICS.movements(), keys,
                EventSerde.of(SocialMovementDeclared.class, "/energywatch/ingestion-service"));
        rawConsumption = driver.createInputTopic(TOPICS.consumption(), keys, new ByteArraySerializer());
        enriched = driver.createOutputTopic(TOPICS.enriched(), new StringDeserializer(),
                EventSerde.of(ConsumptionEnriched.class, SOURCE));
        consumptionDeadLetters = driver.createOutputTopic(TOPICS.consumption() + DeadLetters.SUFFIX,
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The platform's default window (energywatch-platform.yml), with {@code now} as the present. */
    static PlausibleTimes times(Instant now) {
        return new PlausibleTimes(new EventTimeWindow(Instant.parse("2000-01-01T00:00:00Z"), Duration.ofDays(31)),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    static FusionSettings settings(Duration grace) {
        return new FusionSettings(grace, Duration.ofDays(400), Duration.ofHours(1), 1, 18.0, 22.0, SOURCE);
    }

    void measure(ConsumptionMeasured... values) {
        for (ConsumptionMeasured m : values) {
            consumption.pipeInput(m.seriesId(), m);
        }
    }

    void observe(WeatherObserved... values) {
        for (WeatherObserved w : values) {
            weather.pipeInput(w.regionCode(), w);
        }
    }

    void declare(SocialMovementDeclared... values) {
        for (SocialMovementDeclared s : values) {
            movements.pipeInput(s.movementId(), s);
        }
    }

    List<ConsumptionEnriched> drain() {
        return enriched.readRecordsToList().stream().map(TestRecord::value).toList();
    }

    List<TestRecord<String, ConsumptionEnriched>> drainRecords() {
        return enriched.readRecordsToList();
    }

    @Override
    public void close() {
        driver.close();
    }
}
