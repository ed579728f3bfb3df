package io.energywatch.ingestion.store;

import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.Lineage;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.QualityStatus;
import io.energywatch.contracts.SeriesId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A measurement's bucket is its series' local (Europe/Paris) day, found the same from the event and from its key. */
class RawCollectionTest {

    @ParameterizedTest(name = "{0} is in the bucket of {1}")
    @CsvSource({
            "2023-12-31T22:30:00Z, 2023-12-31",
            "2023-12-31T23:00:00Z, 2024-01-01",
            "2024-03-31T00:30:00Z, 2024-03-31",
            "2024-10-26T22:00:00Z, 2024-10-27",
            "2024-10-27T22:30:00Z, 2024-10-27"})
    void aMeasurementLivesInTheBucketOfItsLocalDay(String start, String localDay) {
        Instant s = Instant.parse(start);
        var m = ConsumptionMeasured.of(SeriesId.parse("electricity:FR:odre:PT30M"), null, s, s.plusSeconds(1800),
                45_000.0, MeasurementUnit.MW, QualityStatus.CONSOLIDATED, List.of(),
                new Lineage("test.csv", "job", 1L, s));

        var fromEvent = RawCollection.locate(m);

        assertThat(fromEvent).isEqualTo(RawCollection.MEASUREMENTS.locate(RawCollection.storeKey(m)));
        assertThat(fromEvent.bucketId()).isEqualTo("electricity:FR:odre:PT30M|" + localDay);
        assertThat(fromEvent.slot()).isEqualTo("t" + s.getEpochSecond());
    }
}
