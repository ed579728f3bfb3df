package io.energywatch.prediction.history;

import io.energywatch.analytics.forecast.DailySeries;
import io.energywatch.contracts.ConsumptionEnriched;

/** The daily history of every consumed series, the data backtests and forecasts are made from. */
public interface DailyHistory {

    /** Adds an enriched record to its series' local day; replaying a record changes nothing. */
    void record(ConsumptionEnriched enriched);

    /** The daily series of {@code dailySeriesId} (a {@code P1D} id); empty when nothing was consumed for it. */
    DailySeries load(String dailySeriesId);

    /** Every daily series id with a history. */
    java.util.List<String> seriesIds();
}
