package io.energywatch.fusion.enrichment;

import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.DeadLetters;
import io.energywatch.contracts.EventSerde;
import io.energywatch.contracts.WeatherObserved;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static io.energywatch.fusion.enrichment.Events.BRETAGNE;
import static io.energywatch.fusion.enrichment.Events.at;
import static io.energywatch.fusion.enrichment.Events.hour;
import static io.energywatch.fusion.enrichment.Events.weather;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record stamped years ahead (a typo, or an attack) never moves stream time: it goes to its topic's dead-letter
 * topic, and every region's weather stays for the records that follow.
 */
class ImplausibleEventTimeTest {

    private static final LocalDate JAN_15 = LocalDate.of(2024, 1, 15);

    @Test
    void aReadingStampedInTheYear2999IsDeadLetteredAndPurgesNoWeather() {
        try (var fusion = new FusionDriver()) {
            fusion.observe(weather("53", JAN_15, 2.0, 9.0));
            fusion.measure(hour(BRETAGNE, at("2999-12-31T00:00:00Z"), 812.0));
            fusion.measure(hour(BRETAGNE, at("+99999-01-01T00:00:00Z"), 812.0));
            fusion.measure(hour(BRETAGNE, at("1970-01-01T00:00:00Z"), 812.0));
            fusion.measure(hour(BRETAGNE, at("2024-01-15T08:00:00Z"), 700.0));

            List<ConsumptionEnriched> enriched = fusion.drain();
            assertThat(enriched).singleElement().satisfies(e -> {
                assertThat(e.measurement().powerMw()).isEqualTo(700.0);
                assertThat(e.weather().missing()).isFalse();
                assertThat(e.weather().tempMeanC()).isEqualTo(5.5);
            });
            var deadLetters = fusion.consumptionDeadLetters.readRecordsToList();
            assertThat(deadLetters).hasSize(3);
            assertThat(deadLetters).allSatisfy(d -> {
                assertThat(header(d, DeadLetters.FIELD)).isEqualTo("intervalStart");
                assertThat(header(d, DeadLetters.REASON)).contains("event time");
            });
            assertThat(header(deadLetters.get(0), DeadLetters.REASON)).contains("2999-12-31", "after now");
            assertThat(header(deadLetters.get(2), DeadLetters.REASON)).contains("before 2000-01-01");
            assertThat(new String(deadLetters.get(0).value(), StandardCharsets.UTF_8)).contains("2999-12-31");
        }
    }

    @Test
    void weatherStampedYearsAheadIsDeadLetteredAndTheRealDaysWeatherStillJoins() {
        try (var fusion = new FusionDriver()) {
            fusion.observe(weather("53", JAN_15, 2.0, 9.0));
            fusion.observe(weather("53", LocalDate.of(2999, 12, 31), 30.0, 40.0));
            fusion.measure(hour(BRETAGNE, at("2024-01-15T08:00:00Z"), 700.0));

            assertThat(fusion.drain()).singleElement()
                    .satisfies(e -> assertThat(e.weather().tempMeanC()).isEqualTo(5.5));
            var weatherDeadLetters = fusion.driver.createOutputTopic(
                    FusionDriver.TOPICS.weather() + DeadLetters.SUFFIX, new StringDeserializer(),
                    EventSerde.of(WeatherObserved.class, FusionDriver.SOURCE)).readRecordsToList();
            assertThat(weatherDeadLetters).singleElement().satisfies(d -> {
                assertThat(d.value().date()).isEqualTo(LocalDate.of(2999, 12, 31));
                assertThat(new String(d.headers().lastHeader(DeadLetters.FIELD).value(), StandardCharsets.UTF_8))
                        .isEqualTo("date");
            });
        }
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
