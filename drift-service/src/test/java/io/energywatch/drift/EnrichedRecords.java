package io.energywatch.drift;

import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.EventSerde;
import io.energywatch.contracts.Lineage;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.QualityStatus;
import io.energywatch.contracts.SeriesId;
import io.energywatch.contracts.Topics;
import io.energywatch.testsupport.KafkaTestBroker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Hourly enriched records of one series on the test broker, with a chosen temperature and load level per hour. */
final class EnrichedRecords {

    /** The temperature and load of an hour, from its index. */
    interface Level {
        double tempMeanC(int hour);

        double powerMw(int hour);
    }

    private EnrichedRecords() {
    }

    static void produce(SeriesId series, Instant first, int hours, Level level, long seed) {
        var random = new Random(seed);
        var lineage = new Lineage("drift-service-test", null, null, first);
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(),
                EventSerde.of(ConsumptionEnriched.class, "/energywatch/drift-service-test"))) {
            for (int h = 0; h < hours; h++) {
                Instant start = first.plus(Duration.ofHours(h));
                double power = level.powerMw(h) + 0.05 * level.powerMw(h) * random.nextGaussian();
                var measured = ConsumptionMeasured.of(series, series.area(), start, start.plus(Duration.ofHours(1)),
                        power, MeasurementUnit.MW, QualityStatus.SIMULATED, List.of(), lineage);
                double temp = level.tempMeanC(h) + 3 * random.nextGaussian();
                LocalDate day = LocalDate.ofInstant(start, ZoneId.of("Europe/Paris"));
                var enriched = new ConsumptionEnriched(null, measured, day,
                        new ConsumptionEnriched.WeatherContext(false, temp - 4, temp + 4, temp, 12.0, 70.0, 50.0, null,
                                Math.max(0, 18 - temp), Math.max(0, temp - 22), "region", List.of("test")),
                        new ConsumptionEnriched.CalendarContext(day.getDayOfWeek(),
                                day.getDayOfWeek().compareTo(DayOfWeek.SATURDAY) >= 0, false, null, false, 600.0),
                        ConsumptionEnriched.SocialContext.none());
                producer.send(new ProducerRecord<>(Topics.CONSUMPTION_ENRICHED.name(), series.toString(), enriched));
            }
            producer.flush();
        }
    }
}
