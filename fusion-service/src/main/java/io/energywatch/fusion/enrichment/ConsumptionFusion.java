package io.energywatch.fusion.enrichment;

import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.ConsumptionEnriched.CalendarContext;
import io.energywatch.contracts.ConsumptionEnriched.SocialContext;
import io.energywatch.contracts.ConsumptionEnriched.WeatherContext;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.EventSerde;
import io.energywatch.contracts.MovementScope;
import io.energywatch.contracts.Regions;
import io.energywatch.contracts.SocialMovementDeclared;
import io.energywatch.contracts.WeatherObserved;
import io.energywatch.service.observability.TraceContinuation;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
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
final class ConsumptionFusion implements Processor<String, Object, String, ConsumptionEnriched> {

    private static final StringSerializer KEYS = new StringSerializer();
    private static final int CACHED_DAYS = 400;

    private final FusionSettings settings;
    private final WeatherContexts weatherContexts;
    private final WeatherView view;
    private final DayCache<Weather> weatherCache = new DayCache<>(CACHED_DAYS);
    private final DayCache<CalendarContext> calendarCache = new DayCache<>(CACHED_DAYS);
    private final DayCache<SocialContext> socialCache = new DayCache<>(CACHED_DAYS);

    private ProcessorContext<String, ConsumptionEnriched> context;
    private KeyValueStore<String, KeptDay> consumption;
    private final EventSerde<ConsumptionMeasured> keptSerde;
    private KeyValueStore<String, WeatherObserved> weather;
    private KeyValueStore<String, SocialMovementDeclared> movements;
    private KeyValueStore<String, String> movementDays;
    private KeyValueStore<String, String> emittedWeather;
    /** True while kept measurements are re-emitted: the loop covers whole (day, area) groups, see weather(). */
    private boolean reEmitting;
    /**
     * The trace context (W3C headers) of the record being processed: what it emits, the measurement's own enriched
     * record or the re-emissions a weather or movement record triggers, continues that record's trace.
     */
    private Headers traceHeaders = new RecordHeaders();

    ConsumptionFusion(FusionSettings settings, WeatherView view) {
        this.settings = settings;
        this.view = view;
        this.keptSerde = EventSerde.of(ConsumptionMeasured.class, settings.ceSource());
        this.weatherContexts = new WeatherContexts(settings.heatingBaseC(), settings.coolingBaseC());
    }

    /** The weather store's records by day and region, so resolving a day parses nothing. Rebuilt on start. */
    private final Map<LocalDate, Map<String, WeatherObserved>> taskWeather = new HashMap<>();
    /** The newest day of weather this task has seen per region. Rebuilt from the stores after a restart. */
    private final Map<String, LocalDate> latestWeatherDay = new HashMap<>();
    /** The bounds of the last purge (null before the first), and whether a day before them was written since. */
    private @Nullable LocalDate purgedBefore;
    private @Nullable LocalDate contextPurgedBefore;
    private boolean writtenBeforeBounds;
    /** Regional and national areas with measurements kept: the regions whose weather the purge waits for. */
    private final Set<String> keptAreas = new TreeSet<>();

    @Override
    public void init(ProcessorContext<String, ConsumptionEnriched> context) {
        this.context = context;
        this.consumption = context.getStateStore(FusionTopology.CONSUMPTION_STORE);
        this.weather = context.getStateStore(FusionTopology.WEATHER_STORE);
        this.movements = context.getStateStore(FusionTopology.MOVEMENT_STORE);
        this.movementDays = context.getStateStore(FusionTopology.MOVEMENT_DAY_STORE);
        this.emittedWeather = context.getStateStore(FusionTopology.EMITTED_WEATHER_STORE);
        context.schedule(settings.purgeInterval(), PunctuationType.STREAM_TIME, this::purge);
        try (KeyValueIterator<String, WeatherObserved> all = weather.all()) {
            all.forEachRemaining(e -> {
                latestWeatherDay.merge(e.value.regionCode(), e.value.date(), (a, b) -> a.isAfter(b) ? a : b);
                taskWeather.computeIfAbsent(e.value.date(), d -> new HashMap<>()).put(e.value.regionCode(), e.value);
            });
        }
        try (KeyValueIterator<String, KeptDay> all = consumption.all()) {
            all.forEachRemaining(e -> keepArea(areaOfKey(e.key)));
        }
    }

    @Override
    public void process(Record<String, Object> record) {
        traceHeaders = TraceContinuation.traceHeaders(record.headers());
        switch (record.value()) {
            case KeptMeasurement m -> consumptionArrived(m);
            case WeatherObserved w -> weatherArrived(w);
            case SocialMovementDeclared s -> movementArrived(s);
            case null -> {
                // A tombstone carries nothing to fuse; movements are corrected by declaring them again.
            }
            default -> throw new IllegalStateException("the fusion does not read " + record.value().getClass());
        }
    }

    private void consumptionArrived(KeptMeasurement kept) {
        ConsumptionMeasured m = kept.value();
        LocalDate date = LocalDays.of(m.intervalStart());
        String area = LocalDays.area(m);
        // Resolved before the measurement is kept: if the view now knows more, the day's kept ones are re-emitted first.
        Weather weather = weather(date, area);
        // A measurement of a day past the grace is enriched with what is known but not kept: nothing will re-emit it.
        if (!date.isBefore(firstKeptMeasurementDay(context.currentStreamTimeMs()))) {
            String key = consumptionKey(date, area, m);
            KeptDay day = consumption.get(key);
            long startMs = m.intervalStart().toEpochMilli();
            consumption.put(key, day == null ? KeptDay.of(startMs, kept.json()) : day.with(startMs, kept.json()));
            keepArea(area);
            writtenBeforeBounds |= purgedBefore != null && date.isBefore(purgedBefore);
        }
        emit(m, date, area, weather, 0);
    }

    private void weatherArrived(WeatherObserved w) {
        String key = w.date() + "|" + w.regionCode();
        WeatherObserved known = taskWeather.getOrDefault(w.date(), Map.of()).get(w.regionCode());
        if (known != null && sameWeather(known, w)) {
            return;
        }
        weather.put(key, w);
        taskWeather.computeIfAbsent(w.date(), d -> new HashMap<>()).put(w.regionCode(), w);
        writtenBeforeBounds |= contextPurgedBefore != null && w.date().isBefore(contextPurgedBefore);
        latestWeatherDay.merge(w.regionCode(), w.date(), (a, b) -> a.isAfter(b) ? a : b);
        // Only the region's own context and the national one depend on it; each is re-emitted if it now differs from
        // the one its kept measurements were emitted with.
        refresh(w.date(), w.regionCode());
        refresh(w.date(), LocalDays.NATIONAL);
    }

    /**
     * Forgets a (day, area)'s memoised weather and, if measurements of it were emitted, resolves it again now (which
     * re-emits them if it changed). Nothing emitted: it is resolved when first needed.
     */
    private void refresh(LocalDate date, String area) {
        weatherCache.invalidate(date, area);
        if (emittedWeather.get(date + "|" + area) != null) {
            weather(date, area);
        }
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
            writtenBeforeBounds |= contextPurgedBefore != null && d.isBefore(contextPurgedBefore);
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

    /**
     * Re-emits the kept measurements whose store key starts with {@code prefix}, in key order. Every prefix used is a
     * local day, or a day and an area, so the loop covers whole (day, area) groups.
     */
    private void reEmit(LocalDate date, String prefix, long triggerAcceptedMs) {
        boolean outer = !reEmitting;
        reEmitting = true;
        try (KeyValueIterator<String, KeptDay> kept = consumption.prefixScan(prefix, KEYS)) {
            while (kept.hasNext()) {
                KeyValue<String, KeptDay> entry = kept.next();
                String area = areaOfKey(entry.key);
                Weather weather = weather(date, area);
                entry.value.forEach(json -> emit(keptSerde.deserialize("kept measurement", json), date, area, weather,
                        triggerAcceptedMs));
            }
        } finally {
            reEmitting = !outer;
        }
    }

    /**
     * The weather context of a (day, area), memoised. Invariant: every measurement kept for a (day, area) was last
     * emitted with the context recorded in the emitted-weather store. The context is the task's own weather store
     * first (complete once the broadcast has reached the task, so it decides the final records) and the instance's
     * {@link WeatherView} for regions the task has not received yet. When a fresh computation differs from the recorded
     * one (new weather by either path), the group's kept measurements are re-emitted with it, unless a re-emission
     * covering that group is already running. Records are thus emitted without weather, and again with it, only when
     * neither the task nor the view had it: a backfill whose weather was published first emits each record once.
     */
    private Weather weather(LocalDate date, String area) {
        Weather cached = weatherCache.peek(date, area);
        if (cached != null) {
            return cached;
        }
        Weather current = weatherOf(date, area);
        weatherCache.put(date, area, current);
        String key = date + "|" + area;
        String fingerprint = current.context().toString();
        String emitted = emittedWeather.get(key);
        if (!fingerprint.equals(emitted)) {
            emittedWeather.put(key, fingerprint);
            if (emitted != null && !reEmitting) {
                reEmit(date, key + "|", current.acceptedMs());
            }
        }
        return current;
    }

    /**
     * Forwards the enriched record. Its Kafka timestamp is when the platform accepted the latest of its inputs (the
     * measurement, or the weather or movement that re-emits it), not the event time: event times of a backfill are
     * years old and the broker's time-based retention would delete such records before consumers read them. Both are
     * taken from the input records, so the output stays a function of the input.
     */
    private void emit(ConsumptionMeasured m, LocalDate date, String area, Weather weather, long triggerAcceptedMs) {
        var enriched = new ConsumptionEnriched(null, m, date, weather.context(),
                calendarCache.get(date, area, () -> CalendarFeatures.of(date, area)),
                socialCache.get(date, area, () -> SocialContexts.of(movementsOf(date), date,
                        LocalDays.NATIONAL.equals(area) ? null : area)));
        // Fresh headers but the trace context: the serde writes the enriched record's own CloudEvents attributes.
        long timestamp = Math.max(m.lineage().ingestedAt().toEpochMilli(), triggerAcceptedMs);
        context.forward(new Record<>(m.seriesId(), enriched, timestamp,
                TraceContinuation.traceHeaders(traceHeaders)));
    }

    /** The task's observations over the view's, and when the latest of them was accepted (0 if none). */
    private Weather weatherOf(LocalDate date, String area) {
        Map<String, WeatherObserved> own = taskWeather.getOrDefault(date, Map.of());
        if (!LocalDays.NATIONAL.equals(area)) {
            WeatherObserved w = own.get(area);
            if (w == null) {
                w = view.get(date, area);
            }
            return new Weather(weatherContexts.regional(w), w == null ? 0 : w.lineage().ingestedAt().toEpochMilli());
        }
        Map<String, WeatherObserved> byRegion = new HashMap<>(view.day(date));
        byRegion.putAll(own);
        long accepted = byRegion.values().stream().mapToLong(w -> w.lineage().ingestedAt().toEpochMilli())
                .max().orElse(0);
        return new Weather(weatherContexts.national(byRegion), accepted);
    }

    /** A (day, area)'s weather context and the acceptance time of the latest observation it is made of. */
    private record Weather(WeatherContext context, long acceptedMs) {
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
        LocalDate firstContextKept = LocalDays.firstOpenDay(streamTimeMs, settings.contextRetention());
        // The bounds move by whole days: between two moves there is nothing to delete, unless a day before them was
        // written since (a late measurement while the bound had moved back, late weather for an expired day).
        if (firstKept.equals(purgedBefore) && firstContextKept.equals(contextPurgedBefore) && !writtenBeforeBounds) {
            return;
        }
        purgedBefore = firstKept;
        contextPurgedBefore = firstContextKept;
        writtenBeforeBounds = false;
        deleteDaysBefore(consumption, firstKept);
        deleteDaysBefore(emittedWeather, firstKept);
        // Days no longer kept lose their record of what they were emitted with: drop their memo too, so that a day
        // kept again later records it afresh.
        weatherCache.invalidateBefore(firstKept);
        deleteDaysBefore(weather, firstContextKept);
        taskWeather.keySet().removeIf(d -> d.isBefore(firstContextKept));
        deleteDaysBefore(movementDays, firstContextKept);
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

    /**
     * {@code date|area|series|quarter}: a local day's prefix holds its areas, an area's prefix its series, and a series'
     * day is kept in four six-hour parts of local time, so that one kept entry stays far below Kafka's record size limit
     * even for minute data (360 measurements of about 600 bytes) and a rewrite copies a quarter of the day at most.
     */
    static String consumptionKey(LocalDate date, String area, ConsumptionMeasured m) {
        return new StringBuilder(64).append(date).append('|').append(area).append('|').append(m.seriesId())
                .append('|').append(LocalDays.quarterOfDay(m.intervalStart())).toString();
    }

    /** The area of a kept measurement's key (the ISO date is 10 characters, so the area starts at 11). */
    private static String areaOfKey(String key) {
        return key.substring(11, key.indexOf('|', 11));
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
