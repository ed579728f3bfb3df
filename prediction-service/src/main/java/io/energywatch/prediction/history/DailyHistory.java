package io.energywatch.prediction.history;

import io.energywatch.analytics.forecast.DailySeries;
import io.energywatch.contracts.ConsumptionEnriched;

import java.util.List;

/** The daily history of every consumed series, the data backtests and forecasts are made from. */
public interface DailyHistory {

    /** Adds an enriched record to its series' local day; replaying a record changes nothing. */
    void record(ConsumptionEnriched enriched);

    /** Adds a batch of enriched records, in order; the same as recording each, in fewer writes where the store can. */
    default void recordAll(List<ConsumptionEnriched> batch) {
        batch.forEach(this::record);
    }

    /** The daily series of {@code dailySeriesId} (a {@code P1D} id); empty when nothing was consumed for it. */
    DailySeries load(String dailySeriesId);

    /** Every daily series id with a history. */
    List<String> seriesIds();
}
