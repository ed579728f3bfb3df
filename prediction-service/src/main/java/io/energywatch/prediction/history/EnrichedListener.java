package io.energywatch.prediction.history;

import io.energywatch.contracts.ConsumptionEnriched;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds the enriched consumption stream into the daily history. */
@Component
class EnrichedListener {

    private final DailyHistory history;

    EnrichedListener(DailyHistory history) {
        this.history = history;
    }

    @KafkaListener(id = "prediction-enriched", topics = "#{T(io.energywatch.contracts.Topics).CONSUMPTION_ENRICHED.name()}",
            containerFactory = HistoryConfiguration.ENRICHED_CONTAINER_FACTORY)
    void onEnriched(ConsumptionEnriched enriched) {
        // A record the deserialiser could not read arrives as null; the error handler has already logged it.
        if (enriched != null) {
            history.record(enriched);
        }
    }
}
