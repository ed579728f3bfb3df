package io.energywatch.prediction.issuance;

import io.energywatch.service.observability.EnergyWatchMeters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The realised MAPE of the forecasts last scored, one gauge per lead (days ahead; bounded by the maximum horizon):
 * the mean absolute percentage error of the accuracy records the latest scoring wrote for that lead. Shows NaN until
 * this process has scored a forecast of that lead.
 */
final class AccuracyGauges {

    /** Does not register anything: stores built outside a service (tests). */
    static final AccuracyGauges NONE = new AccuracyGauges(null);

    private final MeterRegistry registry;
    private final Map<Integer, AtomicReference<Double>> mapeByLead = new ConcurrentHashMap<>();

    AccuracyGauges(MeterRegistry registry) {
        this.registry = registry;
    }

    void scored(Collection<AccuracyRecord> records) {
        if (registry == null) {
            return;
        }
        Map<Integer, Double> mape = records.stream().filter(r -> r.percentError() != null)
                .collect(Collectors.groupingBy(AccuracyRecord::leadDays,
                        Collectors.averagingDouble(r -> Math.abs(Objects.requireNonNull(r.percentError())))));
        mape.forEach((lead, value) -> mapeByLead.computeIfAbsent(lead, l -> {
            var holder = new AtomicReference<>(Double.NaN);
            Gauge.builder(EnergyWatchMeters.FORECAST_MAPE, holder, AtomicReference::get)
                    .description("realised MAPE (%) of the latest scored forecasts per lead (days ahead)")
                    .tag("horizon", Integer.toString(l)).register(registry);
            return holder;
        }).set(value));
    }
}
