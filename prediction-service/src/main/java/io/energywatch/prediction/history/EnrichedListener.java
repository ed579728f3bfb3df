package io.energywatch.prediction.history;

import io.energywatch.contracts.Topics;
import io.energywatch.service.observability.EnergyWatchMeters;
import io.energywatch.service.observability.EnergyWatchMeters.Direction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.energywatch.contracts.ConsumptionEnriched;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Feeds the enriched consumption stream into the daily history, a polled batch at a time. */
@Component
class EnrichedListener {

    private final DailyHistory history;
    private final HistoryActivity activity;

    private final Counter consumed;

    EnrichedListener(DailyHistory history, HistoryActivity activity, MeterRegistry meters) {
        this.history = history;
        this.activity = activity;
        this.consumed = EnergyWatchMeters.records(meters, Topics.CONSUMPTION_ENRICHED.name(), Direction.IN);
    }

    @KafkaListener(id = "prediction-enriched", topics = "#{T(io.energywatch.contracts.Topics).CONSUMPTION_ENRICHED.name()}",
            containerFactory = HistoryConfiguration.ENRICHED_CONTAINER_FACTORY)
    void onEnriched(List<ConsumerRecord<String, ConsumptionEnriched>> batch) {
        consumed.increment(batch.size());
        List<ConsumptionEnriched> readable = new ArrayList<>(batch.size());
        for (ConsumerRecord<String, ConsumptionEnriched> r : batch) {
            // A record the deserialiser could not read arrives as null; the deserialiser has already logged it.
            if (r.value() != null) {
                readable.add(r.value());
            }
        }
        history.recordAll(readable);
        if (!readable.isEmpty()) {
            activity.wrote();
        }
    }
}
