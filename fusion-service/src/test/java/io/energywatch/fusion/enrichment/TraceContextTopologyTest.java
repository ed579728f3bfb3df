package io.energywatch.fusion.enrichment;

import io.energywatch.contracts.CloudEventHeaders;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static io.energywatch.fusion.enrichment.Events.BRETAGNE;
import static io.energywatch.fusion.enrichment.Events.hour;
import static io.energywatch.fusion.enrichment.Events.weather;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enriched record continues the trace of the record that produced it: the processor forwards fresh headers (its
 * own CloudEvents attributes) but copies the input's W3C trace context, which Kafka Streams would otherwise lose.
 */
class TraceContextTopologyTest {

    private static final String MEASUREMENT_TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String WEATHER_TRACE = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private static final LocalDate JAN_15 = LocalDate.of(2024, 1, 15);

    @Test
    void theEnrichedRecordCarriesItsMeasurementsTraceparentAndItsOwnCloudEventsHeaders() {
        try (var fusion = new FusionDriver()) {
            var m = hour(BRETAGNE, java.time.Instant.parse("2024-01-15T08:00:00Z"), 812.0);
            var headers = new RecordHeaders();
            headers.add("traceparent", MEASUREMENT_TRACE.getBytes(StandardCharsets.UTF_8));
            headers.add("tracestate", "ew=1".getBytes(StandardCharsets.UTF_8));
            fusion.consumption.pipeInput(new TestRecord<>(m.seriesId(), m, headers));

            var out = fusion.drainRecords();
            assertThat(out).hasSize(1);
            assertThat(header(out.getFirst(), "traceparent")).isEqualTo(MEASUREMENT_TRACE);
            assertThat(header(out.getFirst(), "tracestate")).isEqualTo("ew=1");
            assertThat(CloudEventHeaders.readFrom(out.getFirst().headers()).type())
                    .isEqualTo("energywatch.consumption.enriched.v1");
            assertThat(out.getFirst().headers().headers("traceparent")).hasSize(1);
        }
    }

    @Test
    void aReEmissionContinuesTheTraceOfTheWeatherThatTriggeredIt() {
        try (var fusion = new FusionDriver()) {
            var m = hour(BRETAGNE, java.time.Instant.parse("2024-01-15T08:00:00Z"), 812.0);
            var traced = new RecordHeaders();
            traced.add("traceparent", MEASUREMENT_TRACE.getBytes(StandardCharsets.UTF_8));
            fusion.consumption.pipeInput(new TestRecord<>(m.seriesId(), m, traced));
            assertThat(header(fusion.drainRecords().getFirst(), "traceparent")).isEqualTo(MEASUREMENT_TRACE);

            var w = weather("53", JAN_15, 2.0, 9.0);
            var weatherHeaders = new RecordHeaders();
            weatherHeaders.add("traceparent", WEATHER_TRACE.getBytes(StandardCharsets.UTF_8));
            fusion.weather.pipeInput(new TestRecord<>(w.regionCode(), w, weatherHeaders));

            var reEmitted = fusion.drainRecords();
            assertThat(reEmitted).hasSize(1);
            assertThat(reEmitted.getFirst().value().weather().missing()).isFalse();
            assertThat(header(reEmitted.getFirst(), "traceparent")).isEqualTo(WEATHER_TRACE);
        }
    }

    @Test
    void aRecordWithoutTraceContextGivesAnEnrichedRecordWithoutOne() {
        try (var fusion = new FusionDriver()) {
            fusion.measure(hour(BRETAGNE, java.time.Instant.parse("2024-01-15T08:00:00Z"), 812.0));
            var out = fusion.drainRecords();
            assertThat(out).hasSize(1);
            assertThat(out.getFirst().headers().lastHeader("traceparent")).isNull();
        }
    }

    private static String header(TestRecord<String, ?> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
