package io.energywatch.fusion.enrichment;

import io.energywatch.contracts.ConsumptionEnriched.WeatherContext;
import io.energywatch.contracts.Region;
import io.energywatch.contracts.Regions;
import io.energywatch.contracts.WeatherObserved;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the weather known for a local day into a record's {@link WeatherContext}: a region's own observation, or for
 * national series the population-weighted mean of the regions observed that day (weights renormalised over the regions
 * that have the measure, and listed in {@code sources}). No observation gives an explicit missing context, never zeros.
 */
final class WeatherContexts {

    static final String BASIS_REGION = "region";
    static final String BASIS_NATIONAL = "population-weighted-national";

    private final double heatingBaseC;
    private final double coolingBaseC;

    WeatherContexts(double heatingBaseC, double coolingBaseC) {
        this.heatingBaseC = heatingBaseC;
        this.coolingBaseC = coolingBaseC;
    }

    static WeatherContext missing() {
        return new WeatherContext(true, null, null, null, null, null, null, null, null, null, null, List.of());
    }

    WeatherContext regional(@Nullable WeatherObserved w) {
        if (w == null) {
            return missing();
        }
        List<String> sources = new ArrayList<>();
        sources.add(w.source());
        sources.addAll(w.stations());
        return new WeatherContext(false, w.tempMinC(), w.tempMaxC(), w.tempMeanC(), w.windKmh(), w.humidityPercent(),
                w.cloudCoverPercent(), w.visibilityKm(), hdd(w.tempMeanC()), cdd(w.tempMeanC()), BASIS_REGION,
                sources);
    }

    /** {@code byRegion}: the day's observations by region code; regions outside the registry are not weighted. */
    WeatherContext national(Map<String, WeatherObserved> byRegion) {
        List<Region> observed = Regions.ALL.stream().filter(r -> byRegion.containsKey(r.code())).toList();
        if (observed.isEmpty()) {
            return missing();
        }
        Double mean = weighted(observed, byRegion, WeatherObserved::tempMeanC);
        long population = observed.stream().filter(r -> byRegion.get(r.code()).tempMeanC() != null)
                .mapToLong(Region::population).sum();
        List<String> sources = new ArrayList<>();
        for (Region r : observed) {
            WeatherObserved w = byRegion.get(r.code());
            double weight = w.tempMeanC() == null || population == 0 ? 0 : (double) r.population() / population;
            sources.add(r.code() + ":" + String.format(Locale.ROOT, "%.4f", weight));
        }
        return new WeatherContext(false, weighted(observed, byRegion, WeatherObserved::tempMinC),
                weighted(observed, byRegion, WeatherObserved::tempMaxC), mean,
                weighted(observed, byRegion, WeatherObserved::windKmh),
                weighted(observed, byRegion, WeatherObserved::humidityPercent),
                weighted(observed, byRegion, WeatherObserved::cloudCoverPercent),
                weighted(observed, byRegion, WeatherObserved::visibilityKm), hdd(mean), cdd(mean),
                BASIS_NATIONAL + " " + observed.size() + "/" + Regions.ALL.size() + " regions", sources);
    }

    /** Population-weighted mean over the regions that have the measure, in registry order (so always the same sum). */
    private static @Nullable Double weighted(List<Region> regions, Map<String, WeatherObserved> byRegion,
                                             Function<WeatherObserved, @Nullable Double> measure) {
        double sum = 0;
        long weights = 0;
        for (Region r : regions) {
            Double v = measure.apply(byRegion.get(r.code()));
            if (v != null) {
                sum += v * r.population();
                weights += r.population();
            }
        }
        return weights == 0 ? null : round2(sum / weights);
    }

    private @Nullable Double hdd(@Nullable Double meanC) {
        return meanC == null ? null : round2(Math.max(0, heatingBaseC - meanC));
    }

    private @Nullable Double cdd(@Nullable Double meanC) {
        return meanC == null ? null : round2(Math.max(0, meanC - coolingBaseC));
    }

    static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
