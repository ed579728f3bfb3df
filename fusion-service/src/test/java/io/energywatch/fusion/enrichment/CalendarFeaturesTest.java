package io.energywatch.fusion.enrichment;

import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.SeriesId;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.energywatch.fusion.enrichment.Events.BRETAGNE;
import static io.energywatch.fusion.enrichment.Events.NATIONAL;
import static io.energywatch.fusion.enrichment.Events.PACA;
import static io.energywatch.fusion.enrichment.Events.daily;
import static io.energywatch.fusion.enrichment.Events.weatherMean;
import static org.assertj.core.api.Assertions.assertThat;

/** Calendar features computed in the fusion: holidays, bridge days, weekends, day length and degree days. */
class CalendarFeaturesTest {

    /** Every French public holiday of 2024 and 2025, written out from the official calendar. */
    private static final Map<LocalDate, String> HOLIDAYS = new LinkedHashMap<>();

    static {
        HOLIDAYS.put(LocalDate.of(2024, 1, 1), "Jour de l'an");
        HOLIDAYS.put(LocalDate.of(2024, 4, 1), "Lundi de Pâques");
        HOLIDAYS.put(LocalDate.of(2024, 5, 1), "Fête du Travail");
        HOLIDAYS.put(LocalDate.of(2024, 5, 8), "Victoire 1945");
        HOLIDAYS.put(LocalDate.of(2024, 5, 9), "Ascension");
        HOLIDAYS.put(LocalDate.of(2024, 5, 20), "Lundi de Pentecôte");
        HOLIDAYS.put(LocalDate.of(2024, 7, 14), "Fête nationale");
        HOLIDAYS.put(LocalDate.of(2024, 8, 15), "Assomption");
        HOLIDAYS.put(LocalDate.of(2024, 11, 1), "Toussaint");
        HOLIDAYS.put(LocalDate.of(2024, 11, 11), "Armistice 1918");
        HOLIDAYS.put(LocalDate.of(2024, 12, 25), "Noël");
        HOLIDAYS.put(LocalDate.of(2025, 1, 1), "Jour de l'an");
        HOLIDAYS.put(LocalDate.of(2025, 4, 21), "Lundi de Pâques");
        HOLIDAYS.put(LocalDate.of(2025, 5, 1), "Fête du Travail");
        HOLIDAYS.put(LocalDate.of(2025, 5, 8), "Victoire 1945");
        HOLIDAYS.put(LocalDate.of(2025, 5, 29), "Ascension");
        HOLIDAYS.put(LocalDate.of(2025, 6, 9), "Lundi de Pentecôte");
        HOLIDAYS.put(LocalDate.of(2025, 7, 14), "Fête nationale");
        HOLIDAYS.put(LocalDate.of(2025, 8, 15), "Assomption");
        HOLIDAYS.put(LocalDate.of(2025, 11, 1), "Toussaint");
        HOLIDAYS.put(LocalDate.of(2025, 11, 11), "Armistice 1918");
        HOLIDAYS.put(LocalDate.of(2025, 12, 25), "Noël");
    }

    @Test
    void everyPublicHolidayOf2024And2025IsFlaggedWithItsNameAndNoOtherDayIs() {
        SeriesId series = NATIONAL.withResolution("P1D");
        try (var fusion = new FusionDriver()) {
            List<ConsumptionMeasured> days = Stream.iterate(LocalDate.of(2024, 1, 1),
                    d -> d.isBefore(LocalDate.of(2026, 1, 1)), d -> d.plusDays(1))
                    .map(d -> daily(series, d, 1_400_000)).toList();
            fusion.measure(days.toArray(new ConsumptionMeasured[0]));

            List<ConsumptionEnriched> out = fusion.drain();
            assertThat(out).hasSize(731);
            Map<LocalDate, String> flagged = new LinkedHashMap<>();
            out.stream().filter(e -> e.calendar().publicHoliday())
                    .forEach(e -> flagged.put(e.localDate(), e.calendar().holidayName()));
            assertThat(flagged).containsExactlyEntriesOf(HOLIDAYS);
            assertThat(out).filteredOn(e -> !e.calendar().publicHoliday())
                    .allSatisfy(e -> assertThat(e.calendar().holidayName()).isNull());
        }
    }

    @Test
    void bridgeDaysAndWeekendsAreFlagged() {
        SeriesId series = PACA.withResolution("P1D");
        try (var fusion = new FusionDriver()) {
            // Ascension 2024 is Thursday 9 May: Friday 10 is a bridge day, 11-12 the weekend, Monday 13 a working day.
            for (int day = 9; day <= 13; day++) {
                fusion.measure(daily(series, LocalDate.of(2024, 5, day), 100_000));
            }

            assertThat(fusion.drain()).extracting(e -> e.calendar().dayOfWeek() + " holiday=" + e.calendar().publicHoliday()
                            + " bridge=" + e.calendar().bridgeDay() + " weekend=" + e.calendar().weekend())
                    .containsExactly("THURSDAY holiday=true bridge=false weekend=false",
                            "FRIDAY holiday=false bridge=true weekend=false",
                            "SATURDAY holiday=false bridge=false weekend=true",
                            "SUNDAY holiday=false bridge=false weekend=true",
                            "MONDAY holiday=false bridge=false weekend=false");
        }
    }

    @Test
    void dayLengthIsTheRegionsAndLongerInTheNorthInJune() {
        LocalDate june = LocalDate.of(2024, 6, 21);
        try (var fusion = new FusionDriver()) {
            fusion.measure(daily(BRETAGNE.withResolution("P1D"), june, 10_000), daily(PACA.withResolution("P1D"), june,
                    100_000), daily(NATIONAL.withResolution("P1D"), june, 1_000_000));

            List<Double> minutes = fusion.drain().stream().map(e -> e.calendar().dayLengthMin()).toList();
            // Rennes (48.1° N) about 16 h 05, Marseille (43.3° N) about 15 h 25 on the solstice.
            assertThat(minutes.get(0)).isBetween(960.0, 975.0);
            assertThat(minutes.get(1)).isBetween(915.0, 935.0);
            assertThat(minutes.get(2)).isBetween(minutes.get(1), minutes.get(0));
            assertThat(LocalDate.of(2024, 6, 21).getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        }
    }

    @Test
    void degreeDaysUseTheConfiguredBases() {
        LocalDate cold = LocalDate.of(2024, 1, 10);
        LocalDate hot = LocalDate.of(2024, 8, 10);
        var settings = new FusionSettings(java.time.Duration.ofDays(7), java.time.Duration.ofDays(400),
                java.time.Duration.ofHours(1), 1, 15.0, 24.0, FusionDriver.SOURCE);
        try (var fusion = new FusionDriver(settings)) {
            fusion.observe(weatherMean("93", cold, 6.5), weatherMean("93", hot, 27.25));
            fusion.measure(daily(PACA.withResolution("P1D"), cold, 140_000), daily(PACA.withResolution("P1D"), hot,
                    120_000));

            List<ConsumptionEnriched> out = fusion.drain();
            assertThat(out.get(0).weather().heatingDegreeDays()).isEqualTo(8.5);
            assertThat(out.get(0).weather().coolingDegreeDays()).isZero();
            assertThat(out.get(1).weather().heatingDegreeDays()).isZero();
            assertThat(out.get(1).weather().coolingDegreeDays()).isEqualTo(3.25);
        }
    }
}
