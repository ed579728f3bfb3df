package io.energywatch.fusion.enrichment;

import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.ConsumptionEnriched.CalendarContext;
import io.energywatch.contracts.ConsumptionEnriched.SocialContext;
import io.energywatch.contracts.ConsumptionEnriched.WeatherContext;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.MovementScope;
import io.energywatch.contracts.Regions;
import io.energywatch.contracts.SocialMovementDeclared;
import io.energywatch.contracts.WeatherObserved;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fusion of one task: enriches each measurement with the weather, calendar and movements of its local day, keeps
 * the day's measurements for the grace period, and re-emits them (same key, same event id, so downstream overwrites)
 * when that day's weather or movements arrive or change later. Output carries no processing time: it is a function of
 * the records and their order, so a replay yields the same records.
 */
final class ConsumptionFusion implements Processor<String, EnergyWatchEvent, String, ConsumptionEnriched> {

    private static final StringSerializer KEYS = new StringSerializer();
    private static final int CACHED_DAYS = 400;

    private final FusionSettings settings;
    private final WeatherContexts weatherContexts;
    private final DayCache<WeatherContext> weatherCache = new DayCache<>(CACHED_DAYS);
    private final DayCache<CalendarContext> calendarCache = new DayCache<>(CACHED_DAYS);
    private final DayCache<SocialContext> socialCache = new DayCache<>(CACHED_DAYS);

    private ProcessorContext<String, ConsumptionEnriched> context;
    private KeyValueStore<String, ConsumptionMeasured> consumption;
    private KeyValueStore<String, WeatherObserved> weather;
    private KeyValueStore<String, SocialMovementDeclared> movements;
    private KeyValueStore<String, String> movementDays;

    ConsumptionFusion(FusionSettings settings) {
        this.settings = settings;
        this.weatherContexts = new WeatherContexts(settings.heatingBaseC(), settings.coolingBaseC());
    }

    /** The newest day of weather this task has seen per region. Rebuilt from the stores after a restart. */
    private final Map<String, LocalDate> latestWeatherDay = new HashMap<>();
    /** Regional and national areas with measurements kept: the regions whose weather the purge waits for. */
    private final Set<String> keptAreas = new TreeSet<>();

    @Override
    public void init(ProcessorContext<String, ConsumptionEnriched> context) {
        this.context = context;
        this.consumption = context.getStateStore(FusionTopology.CONSUMPTION_STORE);
        this.weather = context.getStateStore(FusionTopology.WEATHER_STORE);
        this.movements = context.getStateStore(FusionTopology.MOVEMENT_STORE);
        this.movementDays = context.getStateStore(FusionTopology.MOVEMENT_DAY_STORE);
        context.schedule(settings.purgeInterval(), PunctuationType.STREAM_TIME, this::purge);
        try (KeyValueIterator<String, WeatherObserved> all = weather.all()) {
            all.forEachRemaining(e -> latestWeatherDay.merge(e.value.regionCode(), e.value.date(),
                    (a, b) -> a.isAfter(b) ? a : b));
        }
        try (KeyValueIterator<String, ConsumptionMeasured> all = consumption.all()) {
            all.forEachRemaining(e -> keepArea(LocalDays.area(e.value)));
        }
    }

    @Override
    public void process(Record<String, EnergyWatchEvent> record) {
        switch (record.value()) {
            case ConsumptionMeasured m -> consumptionArrived(m);
            case WeatherObserved w -> weatherArrived(w);
            case SocialMovementDeclared s -> movementArrived(s);
            case null -> {
                // A tombstone carries nothing to fuse; movements are corrected by declaring them again.
            }
            default -> throw new IllegalStateException("the fusion does not read " + record.value().getClass());
        }
    }

    private void consumptionArrived(ConsumptionMeasured m) {
        LocalDate date = LocalDays.of(m.intervalStart());
        String area = LocalDays.area(m);
        // A measurement of a day past the grace is enriched with what is known but not kept: nothing will re-emit it.
        if (!date.isBefore(firstKeptMeasurementDay(context.currentStreamTimeMs()))) {
            consumption.put(consumptionKey(date, area, m), m);
            keepArea(area);
        }
        emit(m, date, area, 0);
    }

    private void weatherArrived(WeatherObserved w) {
        String key = w.date() + "|" + w.regionCode();
        WeatherObserved known = weather.get(key);
        if (known != null && sameWeather(known, w)) {
            return;
        }
        weather.put(key, w);
        latestWeatherDay.merge(w.regionCode(), w.date(), (a, b) -> a.isAfter(b) ? a : b);
        weatherCache.invalidate(w.date());
        long accepted = w.lineage().ingestedAt().toEpochMilli();
        reEmit(w.date(), w.date() + "|" + w.regionCode() + "|", accepted);
        reEmit(w.date(), w.date() + "|" + LocalDays.NATIONAL + "|", accepted);
    }

    private void movementArrived(SocialMovementDeclared s) {
        SocialMovementDeclared known = movements.get(s.movementId());
        if (known != null && sameMovement(known, s)) {
            return;
        }
        movements.put(s.movementId(), s);
        Set<LocalDate> days = new TreeSet<>();
        Set<String> regions = new TreeSet<>(s.regionCodes());
        boolean national = s.scope() == MovementScope.NATIONAL;
        if (known != null) {
            for (LocalDate d = known.startDate(); !d.isAfter(known.endDate()); d = d.plusDays(1)) {
                movementDays.delete(d + "|" + known.movementId());
                days.add(d);
            }
            regions.addAll(known.regionCodes());
            national |= known.scope() == MovementScope.NATIONAL;
        }
        for (LocalDate d = s.startDate(); !d.isAfter(s.endDate()); d = d.plusDays(1)) {
            movementDays.put(d + "|" + s.movementId(), s.movementId());
            days.add(d);
        }
        long accepted = s.lineage().ingestedAt().toEpochMilli();
        for (LocalDate d : days) {
            socialCache.invalidate(d);
            if (national) {
                reEmit(d, d + "|", accepted);
            } else {
                for (String region : regions) {
                    reEmit(d, d + "|" + region + "|", accepted);
                }
            }
        }
    }

    /** Re-emits the kept measurements whose store key starts with {@code prefix}, in key order. */
    private void reEmit(LocalDate date, String prefix, long triggerAcceptedMs) {
        try (KeyValueIterator<String, ConsumptionMeasured> kept = consumption.prefixScan(prefix, KEYS)) {
            while (kept.hasNext()) {
                KeyValue<String, ConsumptionMeasured> entry = kept.next();
                emit(entry.value, date, LocalDays.area(entry.value), triggerAcceptedMs);
            }
        }
    }

    /**
     * Forwards the enriched record. Its Kafka timestamp is when the platform accepted the latest of its inputs (the
     * measurement, or the weather or movement that re-emits it), not the event time: event times of a backfill are
     * years old and the broker's time-based retention would delete such records before consumers read them. Both are
     * taken from the input records, so the output stays a function of the input.
     */
    private void emit(ConsumptionMeasured m, LocalDate date, String area, long triggerAcceptedMs) {
        var enriched = new ConsumptionEnriched(null, m, date,
                weatherCache.get(date, area, () -> weatherOf(date, area)),
                calendarCache.get(date, area, () -> CalendarFeatures.of(date, area)),
                socialCache.get(date, area, () -> SocialContexts.of(movementsOf(date), date,
                        LocalDays.NATIONAL.equals(area) ? null : area)));
        // Fresh headers: the serde writes the enriched record's own CloudEvents attributes.
        long timestamp = Math.max(m.lineage().ingestedAt().toEpochMilli(), triggerAcceptedMs);
        context.forward(new Record<>(m.seriesId(), enriched, timestamp));
    }

    private WeatherContext weatherOf(LocalDate date, String area) {
        if (!LocalDays.NATIONAL.equals(area)) {
            return weatherContexts.regional(weather.get(date + "|" + area));
        }
        Map<String, WeatherObserved> byRegion = new HashMap<>();
        try (KeyValueIterator<String, WeatherObserved> day = weather.prefixScan(date + "|", KEYS)) {
            day.forEachRemaining(e -> byRegion.put(e.value.regionCode(), e.value));
        }
        return weatherContexts.national(byRegion);
    }

    private List<SocialMovementDeclared> movementsOf(LocalDate date) {
        List<SocialMovementDeclared> found = new ArrayList<>();
        try (KeyValueIterator<String, String> ids = movementDays.prefixScan(date + "|", KEYS)) {
            while (ids.hasNext()) {
                SocialMovementDeclared m = movements.get(ids.next().value);
                if (m != null) {
                    found.add(m);
                }
            }
        }
        return found;
    }

    /** Drops the days whose grace (measurements) or retention (weather, movement days) has passed in stream time. */
    private void purge(long streamTimeMs) {
        LocalDate firstKept = firstKeptMeasurementDay(streamTimeMs);
        deleteDaysBefore(consumption, firstKept);
        LocalDate firstContextKept = LocalDays.firstOpenDay(streamTimeMs, settings.contextRetention());
        deleteDaysBefore(weather, firstContextKept);
        deleteDaysBefore(movementDays, firstContextKept);
        weatherCache.invalidateBefore(firstContextKept);
        socialCache.invalidateBefore(firstContextKept);
    }

    /**
     * The first local day whose measurements are still kept for re-emission. Weather is late relative to the weather
     * stream, not to the consumption stream: in a backfill, consumption runs days ahead of the weather that reaches the
     * task through the broadcast topic (visible only once its transaction commits). So a day is kept until both streams
     * have passed it by the grace (the weather stream as far as its slowest region), and never longer than the context
     * retention, which bounds memory when a region's weather never comes.
     */
    private LocalDate firstKeptMeasurementDay(long streamTimeMs) {
        LocalDate byConsumption = LocalDays.firstOpenDay(streamTimeMs, settings.grace());
        LocalDate cap = LocalDays.firstOpenDay(streamTimeMs, settings.contextRetention());
        LocalDate slowest = slowestAwaitedWeather();
        LocalDate byWeather = slowest == null ? cap
                : LocalDays.firstOpenDay(LocalDays.startOf(slowest.plusDays(1)), settings.grace());
        LocalDate firstKept = byConsumption.isBefore(byWeather) ? byConsumption : byWeather;
        return firstKept.isBefore(cap) ? cap : firstKept;
    }

    /**
     * How far the weather stream is for the measurements kept: the oldest latest day over their regions (all regions
     * for national series), as regions reach a task interleaved. Null when a kept region has no weather yet.
     */
    private @Nullable LocalDate slowestAwaitedWeather() {
        LocalDate slowest = null;
        for (String area : keptAreas) {
            LocalDate latest = LocalDays.NATIONAL.equals(area)
                    ? latestWeatherDay.values().stream().min(LocalDate::compareTo).orElse(null)
                    : latestWeatherDay.get(area);
            if (latest == null) {
                return null;
            }
            slowest = slowest == null || latest.isBefore(slowest) ? latest : slowest;
        }
        return slowest;
    }

    /** Meters have no regional weather to wait for; regions and the national area do. */
    private void keepArea(String area) {
        if (LocalDays.NATIONAL.equals(area) || Regions.byCode(area).isPresent()) {
            keptAreas.add(area);
        }
    }

    private static void deleteDaysBefore(KeyValueStore<String, ?> store, LocalDate firstKept) {
        List<String> expired = new ArrayList<>();
        // Keys start with the ISO date, so every day before firstKept sorts before its bare date.
        try (KeyValueIterator<String, ?> old = store.range(null, firstKept.toString())) {
            old.forEachRemaining(e -> expired.add(e.key));
        }
        expired.forEach(store::delete);
    }

    static String consumptionKey(LocalDate date, String area, ConsumptionMeasured m) {
        return date + "|" + area + "|" + m.seriesId() + "|" + m.intervalStart();
    }

    private static boolean sameWeather(WeatherObserved a, WeatherObserved b) {
        return Objects.equals(a.tempMinC(), b.tempMinC()) && Objects.equals(a.tempMaxC(), b.tempMaxC())
                && Objects.equals(a.tempMeanC(), b.tempMeanC()) && Objects.equals(a.windKmh(), b.windKmh())
                && Objects.equals(a.humidityPercent(), b.humidityPercent())
                && Objects.equals(a.cloudCoverPercent(), b.cloudCoverPercent())
                && Objects.equals(a.visibilityKm(), b.visibilityKm())
                && a.source().equals(b.source()) && a.stations().equals(b.stations());
    }

    private static boolean sameMovement(SocialMovementDeclared a, SocialMovementDeclared b) {
        return a.startDate().equals(b.startDate()) && a.endDate().equals(b.endDate()) && a.scope() == b.scope()
                && a.regionCodes().equals(b.regionCodes()) && Objects.equals(a.motive(), b.motive())
                && Objects.equals(a.strikerRatePercent(), b.strikerRatePercent());
    }
}
