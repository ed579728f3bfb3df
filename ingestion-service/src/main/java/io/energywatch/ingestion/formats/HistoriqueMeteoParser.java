package io.energywatch.ingestion.formats;

import io.energywatch.contracts.QualityFlag;
import io.energywatch.contracts.Region;
import io.energywatch.contracts.Regions;
import io.energywatch.contracts.WeatherObserved;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * historique-meteo daily weather per region: the new-region files ({@code region,day,...,Dayduration_Min}) and the
 * old-region files (leading index column, {@code Dayduration_hour} as {@code h:m:s}, {@code region,day} last).
 *
 * <p>A new region's line is its day's weather. Old regions and the two stations stand for part of a new region: their
 * lines are gathered per (region, day) and become one record, the mean of what each gave, flagged MULTI_STATION_MEAN with
 * the stations named when more than one fed it; such a gathered day counts as one record, accepted on its first line.
 * Bound: a group is released as soon as the file reaches a later day (the old-region files are sorted by day, so about 13
 * groups are open), and never more than {@link #MAX_OPEN_GROUPS} are open: beyond that the oldest is released, so an
 * unsorted file stays bounded (its split day then shows up as a duplicate record id).
 */
final class HistoriqueMeteoParser extends CsvParser {

    static final String SOURCE = "historique-meteo";
    static final int MAX_OPEN_GROUPS = 4_096;

    /** One line's readings, validated. */
    private record Reading(long line, String station, Region region, LocalDate day, @Nullable Double tempMaxC,
                           @Nullable Double tempMinC, @Nullable Double windKmh, @Nullable Double humidityPercent,
                           @Nullable Double visibilityKm, @Nullable Double cloudCoverPercent,
                           @Nullable Double dayDurationMin) {
    }

    private record GroupKey(String regionCode, LocalDate day) {
    }

    @Override
    public SourceFormat format() {
        return SourceFormat.HISTORIQUE_METEO;
    }

    @Override
    char delimiter(String headerLine, ParseContext context) {
        return ',';
    }

    @Override
    CsvParser.Reading begin(Header header, ParseContext context, LocalTimeline out) {
        var f = format();
        int regionColumn = header.require(f, "region");
        int dayColumn = header.require(f, "day");
        int tempMax = header.require(f, "TempMax_Deg");
        int tempMin = header.require(f, "TempMin_Deg");
        int wind = header.require(f, "Wind_kmh");
        int wet = header.require(f, "Wet_percent");
        int visibility = header.require(f, "Visibility_km");
        int cloud = header.require(f, "CloudCoverage_percent");
        int durationMin = header.find("Dayduration_Min");
        int durationHour = header.find("Dayduration_hour");
        var groups = new LinkedHashMap<GroupKey, List<Reading>>();
        return new CsvParser.Reading() {
            @Override
            public void read(Row row) {
                String name = row.cell(regionColumn);
                Region region = Regions.resolve(name).orElseThrow(() -> new RecordRejected("region", "region '" + name
                        + "' is not a known region, old region or station"));
                var day = Timestamps.date("day", row.cell(dayColumn));
                Double minutes = durationMin >= 0
                        ? Numbers.atLeastZero("Dayduration_Min", row.cell(durationMin), false)
                        : hoursMinutesSeconds(row.cell(durationHour));
                var reading = new Reading(row.line(), name, region, day,
                        Numbers.within("TempMax_Deg", row.cell(tempMax), false, -40, 50, "°C"),
                        Numbers.within("TempMin_Deg", row.cell(tempMin), false, -40, 50, "°C"),
                        Numbers.atLeastZero("Wind_kmh", row.cell(wind), false),
                        Numbers.within("Wet_percent", row.cell(wet), false, 0, 100, "%"),
                        Numbers.atLeastZero("Visibility_km", row.cell(visibility), false),
                        Numbers.within("CloudCoverage_percent", row.cell(cloud), false, 0, 100, "%"),
                        minutes);
                release(day);
                if (!Regions.isPartial(name)) {
                    out.accept(row.line(), observed(List.of(reading), context, false), row.raw());
                    return;
                }
                groups.computeIfAbsent(new GroupKey(region.code(), day), k -> new ArrayList<>(4)).add(reading);
                if (groups.size() > MAX_OPEN_GROUPS) {
                    var oldest = groups.entrySet().iterator().next();
                    groups.remove(oldest.getKey());
                    emit(oldest.getValue());
                }
            }

            @Override
            public void finish() {
                release(LocalDate.MAX);
            }

            /** Releases, oldest day first, every group of a day before {@code day}. */
            private void release(LocalDate day) {
                if (groups.isEmpty()) {
                    return;
                }
                var done = groups.entrySet().stream()
                        .filter(e -> e.getKey().day().isBefore(day))
                        .sorted(Map.Entry.comparingByKey(Comparator.comparing(GroupKey::day)
                                .thenComparing(GroupKey::regionCode)))
                        .toList();
                for (var group : done) {
                    groups.remove(group.getKey());
                    emit(group.getValue());
                }
            }

            private void emit(List<Reading> readings) {
                var first = readings.getFirst();
                out.accept(first.line(), observed(readings, context, true), "");
            }
        };
    }

    private static WeatherObserved observed(List<Reading> readings, ParseContext context, boolean stationsNamed) {
        var first = readings.getFirst();
        var flags = new ArrayList<QualityFlag>(2);
        if (readings.size() > 1) {
            flags.add(QualityFlag.MULTI_STATION_MEAN);
        }
        Double tempMax = mean(readings, Reading::tempMaxC);
        Double tempMin = mean(readings, Reading::tempMinC);
        Double wind = mean(readings, Reading::windKmh);
        Double humidity = mean(readings, Reading::humidityPercent);
        Double visibility = mean(readings, Reading::visibilityKm);
        Double cloud = mean(readings, Reading::cloudCoverPercent);
        Double duration = mean(readings, Reading::dayDurationMin);
        if (tempMax == null || tempMin == null || wind == null || humidity == null || visibility == null
                || cloud == null || duration == null) {
            flags.add(QualityFlag.MISSING);
        }
        var stations = stationsNamed ? readings.stream().map(Reading::station).toList() : List.<String>of();
        return new WeatherObserved(null, first.region().code(), first.day(), tempMin, tempMax, null, wind, humidity,
                visibility, cloud, duration == null ? null : (int) Math.round(duration), SOURCE, stations, flags,
                CsvParser.lineage(context, first.line()));
    }

    /** Mean of the readings that have the measure; {@code null} when none has it. */
    private static @Nullable Double mean(List<Reading> readings, Function<Reading, Double> measure) {
        double sum = 0;
        int n = 0;
        for (Reading r : readings) {
            Double v = measure.apply(r);
            if (v != null) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }

    /** {@code 8:23:0} as minutes. */
    private static @Nullable Double hoursMinutesSeconds(String text) {
        if (text.isEmpty()) {
            return null;
        }
        String[] parts = text.split(":");
        try {
            if (parts.length == 3) {
                int h = Integer.parseInt(parts[0]);
                int m = Integer.parseInt(parts[1]);
                int s = Integer.parseInt(parts[2]);
                if (h >= 0 && h <= 24 && m >= 0 && m < 60 && s >= 0 && s < 60) {
                    return h * 60 + m + s / 60.0;
                }
            }
        } catch (NumberFormatException e) {
            // falls through to the rejection below
        }
        throw new RecordRejected("Dayduration_hour", "Dayduration_hour '" + text + "' is not h:m:s");
    }
}
