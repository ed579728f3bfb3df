package io.energywatch.contracts;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code visibilityKm} was added to the enriched weather within v1: records written before it still read (as null), and
 * a reader built against the older record ignores it.
 */
class WeatherContextCompatibilityTest {

    /** The weather context as it was before {@code visibilityKm}. */
    record WeatherContextBeforeVisibility(boolean missing, @Nullable Double tempMinC, @Nullable Double tempMaxC,
                                          @Nullable Double tempMeanC, @Nullable Double windKmh,
                                          @Nullable Double humidityPercent, @Nullable Double cloudCoverPercent,
                                          @Nullable Double heatingDegreeDays, @Nullable Double coolingDegreeDays,
                                          @Nullable String basis, List<String> sources) {
    }

    @Test
    void aRecordWrittenWithoutVisibilityReadsWithANullVisibility() {
        var old = new WeatherContextBeforeVisibility(false, 3.5, 11.0, 7.25, 22.0, 71.0, 40.0, 10.75, 0.0, "region",
                List.of("historique-meteo"));

        var read = EventJson.MAPPER.readValue(EventJson.MAPPER.writeValueAsString(old),
                ConsumptionEnriched.WeatherContext.class);

        assertThat(read.visibilityKm()).isNull();
        assertThat(read).isEqualTo(new ConsumptionEnriched.WeatherContext(false, 3.5, 11.0, 7.25, 22.0, 71.0, 40.0,
                null, 10.75, 0.0, "region", List.of("historique-meteo")));
    }

    @Test
    void aReaderWithoutVisibilityIgnoresIt() {
        var current = SampleEvents.enriched().weather();
        assertThat(current.visibilityKm()).isNotNull();

        var read = EventJson.MAPPER.readValue(EventJson.MAPPER.writeValueAsString(current),
                WeatherContextBeforeVisibility.class);

        assertThat(read.cloudCoverPercent()).isEqualTo(current.cloudCoverPercent());
        assertThat(read.heatingDegreeDays()).isEqualTo(current.heatingDegreeDays());
    }
}
