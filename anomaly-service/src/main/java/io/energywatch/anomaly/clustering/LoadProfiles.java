package io.energywatch.anomaly.clustering;

import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.SeriesId;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The weekday × hour load profile of every series the service has seen: mean power per local (Europe/Paris) weekday
 * and hour. In memory, like the detectors; a row at or before its series' last one (a redelivery) is not counted twice.
 */
public final class LoadProfiles {

    /** Slots of a profile: 7 weekdays × 24 hours, Monday 00:00 first. */
    public static final int SLOTS = 7 * 24;

    private final ZoneId zone;
    private final Map<String, Accumulator> series = new ConcurrentHashMap<>();

    public LoadProfiles(ZoneId zone) {
        this.zone = zone;
    }

    public void record(ConsumptionEnriched event) {
        var m = event.measurement();
        if (m.powerMw() == null) {
            return;
        }
        record(m.seriesId(), m.intervalStart(), m.powerMw());
    }

    void record(String seriesId, Instant at, double powerMw) {
        var acc = series.computeIfAbsent(seriesId, s -> new Accumulator());
        synchronized (acc) {
            if (acc.last != null && !at.isAfter(acc.last)) {
                return;
            }
            acc.last = at;
            var local = at.atZone(zone);
            int slot = (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
            acc.sums[slot] += powerMw;
            acc.counts[slot]++;
        }
    }

    /**
     * Shape profiles of the entities of a level, each the mean of its series' shapes: a series' shape is its mean per
     * slot divided by its overall mean (so a region ten times larger has the same shape), an empty slot counting as
     * the overall mean.
     *
     * @param level   regions (series of a region code) or meters (series of a meter area)
     * @param carrier only series of this carrier, or null for all
     */
    public Map<String, double[]> shapes(ClusterLevel level, String carrier) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, Integer> members = new LinkedHashMap<>();
        for (var e : series.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            SeriesId id = SeriesId.parse(e.getKey());
            if (carrier != null && !carrier.equals(id.carrier().code())) {
                continue;
            }
            String entity = switch (level) {
                case REGION -> id.isRegional() ? id.area() : null;
                case METER -> id.area().startsWith("meter-") ? id.area() : null;
            };
            if (entity == null) {
                continue;
            }
            double[] shape;
            synchronized (e.getValue()) {
                shape = e.getValue().shape();
            }
            if (shape == null) {
                continue;
            }
            double[] sum = sums.computeIfAbsent(entity, k -> new double[SLOTS]);
            for (int i = 0; i < SLOTS; i++) {
                sum[i] += shape[i];
            }
            members.merge(entity, 1, Integer::sum);
        }
        sums.forEach((entity, sum) -> {
            int n = members.get(entity);
            for (int i = 0; i < SLOTS; i++) {
                sum[i] /= n;
            }
        });
        return sums;
    }

    List<String> series() {
        return List.copyOf(series.keySet());
    }

    private static final class Accumulator {
        final double[] sums = new double[SLOTS];
        final long[] counts = new long[SLOTS];
        Instant last;

        double[] shape() {
            double total = 0;
            long n = 0;
            for (int i = 0; i < SLOTS; i++) {
                total += sums[i];
                n += counts[i];
            }
            if (n == 0 || total == 0) {
                return null;
            }
            double mean = total / n;
            double[] shape = new double[SLOTS];
            for (int i = 0; i < SLOTS; i++) {
                shape[i] = counts[i] == 0 ? 1.0 : sums[i] / counts[i] / mean;
            }
            return shape;
        }
    }
}
