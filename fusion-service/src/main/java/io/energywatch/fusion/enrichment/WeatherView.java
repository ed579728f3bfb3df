package io.energywatch.fusion.enrichment;

import io.energywatch.contracts.WeatherObserved;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.Map;

/**
 * Weather this instance has read from the raw weather topic outside the fusion tasks: a look-up fallback for a task
 * that has not yet received a day's weather through the context broadcast. It only decides what a record is first
 * emitted with; the task's own weather store, complete once the broadcast has reached it, decides the final records
 * (see {@link ConsumptionFusion}). {@link #NONE} knows nothing: the fusion then relies on the broadcast alone.
 */
public interface WeatherView {

    WeatherView NONE = new WeatherView() {
        @Override
        public @Nullable WeatherObserved get(LocalDate date, String regionCode) {
            return null;
        }

        @Override
        public Map<String, WeatherObserved> day(LocalDate date) {
            return Map.of();
        }
    };

    /** The latest observation of a region for a local day, or null when none is known (yet). */
    @Nullable WeatherObserved get(LocalDate date, String regionCode);

    /** The latest observation of every region known for a local day, by region code. */
    Map<String, WeatherObserved> day(LocalDate date);
}
