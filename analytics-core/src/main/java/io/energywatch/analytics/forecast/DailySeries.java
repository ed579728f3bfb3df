package io.energywatch.analytics.forecast;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** An immutable daily series keyed by local day; days not held are unknown (NaN energy and temperature). */
public final class DailySeries implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final TreeMap<LocalDate, DailyRecord> days;

    private DailySeries(TreeMap<LocalDate, DailyRecord> days) {
        this.days = days;
    }

    /** Later records for the same day replace earlier ones. */
    public static DailySeries of(Collection<DailyRecord> records) {
        var map = new TreeMap<LocalDate, DailyRecord>();
        for (DailyRecord r : records) {
            map.put(r.date(), r);
        }
        return new DailySeries(map);
    }

    public Optional<DailyRecord> get(LocalDate date) {
        return Optional.ofNullable(days.get(date));
    }

    public double energy(LocalDate date) {
        DailyRecord r = days.get(date);
        return r == null ? Double.NaN : r.energyMwh();
    }

    public double temperature(LocalDate date) {
        DailyRecord r = days.get(date);
        return r == null ? Double.NaN : r.tempMeanC();
    }

    /** Records of [from, to], both inclusive, in date order. */
    public List<DailyRecord> between(LocalDate from, LocalDate to) {
        return List.copyOf(days.subMap(from, true, to, true).values());
    }

    public List<DailyRecord> records() {
        return List.copyOf(days.values());
    }

    public Optional<LocalDate> lastDayWithEnergy() {
        for (var e : days.descendingMap().entrySet()) {
            if (e.getValue().hasEnergy()) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    /** This series with {@code extra} records added, replacing same-day records. */
    public DailySeries with(Collection<DailyRecord> extra) {
        var map = new TreeMap<>(days);
        for (DailyRecord r : extra) {
            map.put(r.date(), r);
        }
        return new DailySeries(map);
    }

    public NavigableMap<LocalDate, DailyRecord> asMap() {
        return java.util.Collections.unmodifiableNavigableMap(days);
    }

    public int size() {
        return days.size();
    }
}
