package io.energywatch.prediction.issuance;

import io.energywatch.contracts.ConsumptionForecast.WeatherBasis;
import io.energywatch.service.web.TabularResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A forecast the service issued on its own: the champion of a series and horizon, from a base day (the series' last
 * complete local day), for the days 1..h after it. Its id is derived from what makes it unique, so issuing it again (a
 * second check, a restart) finds it instead of adding another.
 */
public record IssuedForecast(String id, String series, LocalDate baseDay, int horizonDays, String modelId,
                             String modelVersion, String algorithm, Instant issuedAt, List<Step> steps)
        implements TabularResponse<IssuedForecast.Step> {

    /** As CSV (Accept: text/csv), a forecast is its steps. */
    @Override
    public List<Step> tableRows() {
        return steps;
    }

    public IssuedForecast {
        steps = List.copyOf(steps);
    }

    /** {@code <series>|<base day>|h<horizon>|v<model version>}. */
    public static String idOf(String series, LocalDate baseDay, int horizonDays, String modelVersion) {
        return series + "|" + baseDay + "|h" + horizonDays + "|v" + modelVersion;
    }

    /**
     * One forecast day.
     *
     * @param leadDays     days after the base day (1 is the day-ahead step)
     * @param tempMeanC    the temperature the step was forecast with; null when none was known
     * @param weatherBasis OBSERVED when the day's measured weather was in the history, CLIMATOLOGY otherwise
     * @param eventId      the id of the step's event on the forecasts topic and of its forecast index document
     */
    public record Step(LocalDate date, int leadDays, double energyMwh, double lower80Mwh, double upper80Mwh,
                       double lower95Mwh, double upper95Mwh, @Nullable Double tempMeanC, WeatherBasis weatherBasis,
                       String eventId) {
    }
}
