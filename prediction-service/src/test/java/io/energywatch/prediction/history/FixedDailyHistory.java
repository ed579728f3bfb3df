package io.energywatch.prediction.history;

import io.energywatch.analytics.forecast.DailyRecord;
import io.energywatch.analytics.forecast.DailySeries;
import io.energywatch.contracts.ConsumptionEnriched;

import java.util.List;

/** A read-only history of one daily series, for tests of what reads histories. */
public final class FixedDailyHistory implements DailyHistory {

    private final String seriesId;
    private final List<DailyRecord> records;

    public FixedDailyHistory(String seriesId, List<DailyRecord> records) {
        this.seriesId = seriesId;
        this.records = List.copyOf(records);
    }

    @Override
    public void record(ConsumptionEnriched enriched) {
        throw new UnsupportedOperationException("read-only fixture");
    }

    @Override
    public List<String> seriesIds() {
        return List.of(seriesId);
    }

    @Override
    public DailySeries load(String dailySeriesId) {
        return DailySeries.of(dailySeriesId.equals(seriesId) ? records : List.of());
    }
}
