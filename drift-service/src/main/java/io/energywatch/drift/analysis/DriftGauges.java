package io.energywatch.drift.analysis;

import io.energywatch.drift.reports.DriftReport;
import io.energywatch.service.observability.EnergyWatchMeters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The latest PSI of each drift feature: one gauge per feature name (a bounded set: the models' features), set by
 * every report this process records, whichever model it is about.
 */
@Component
class DriftGauges {

    private final MeterRegistry registry;
    private final Map<String, AtomicReference<Double>> psiByFeature = new ConcurrentHashMap<>();

    DriftGauges(MeterRegistry registry) {
        this.registry = registry;
    }

    void recorded(DriftReport report) {
        for (var f : report.features()) {
            psiByFeature.computeIfAbsent(f.feature(), feature -> {
                var holder = new AtomicReference<>(Double.NaN);
                Gauge.builder(EnergyWatchMeters.DRIFT_PSI, holder, AtomicReference::get)
                        .description("latest population stability index of each drift feature")
                        .tag("feature", feature).register(registry);
                return holder;
            }).set(f.psi());
        }
    }
}
