package io.energywatch.ingestion.simulator;

import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.WeatherForecastIssued;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedWeatherForecastsTest {

    private static final LocalDate FROM = LocalDate.of(2024, 3, 1);
    private static final LocalDate TO = LocalDate.of(2024, 4, 30);
    private static final SimulationRequest WITHOUT = SimulationRequest.of(7, FROM, TO)
            .withRegions(List.of("11", "53", "94"));
    private static final SimulationRequest WITH = WITHOUT.withWeatherForecasts(WeatherForecastModel.defaults());

    private static List<WeatherForecastIssued> forecasts(List<EnergyWatchEvent> events) {
        return events.stream().filter(WeatherForecastIssued.class::isInstance).map(WeatherForecastIssued.class::cast)
                .toList();
    }

    @Test
    void forecastsAreOffByDefaultAndTurningThemOnChangesNoOtherEventOrLabel() {
        List<EnergyWatchEvent> without = new Simulator(WITHOUT).events().toList();
        List<EnergyWatchEvent> with = new Simulator(WITH).events().toList();

        assertThat(forecasts(without)).isEmpty();
        assertThat(with.stream().filter(e -> !(e instanceof WeatherForecastIssued)).toList()).isEqualTo(without);
        assertThat(new Simulator(WITH).labels()).isEqualTo(new Simulator(WITHOUT).labels());
        assertThat(new Simulator(WITH).movements()).isEqualTo(new Simulator(WITHOUT).movements());
    }

    @Test
    void forecastsAreReproducibleInTimeOrderAndIssuedAtSixForTheNextSevenDaysOfTheSimulation() {
        List<EnergyWatchEvent> first = new Simulator(WITH).events().toList();
        List<EnergyWatchEvent> second = new Simulator(WITH).events().toList();
        List<WeatherForecastIssued> forecasts = forecasts(first);

        assertThat(second).isEqualTo(first);
        assertThat(first).extracting(EnergyWatchEvent::eventTime).isSorted();
        long days = ChronoUnit.DAYS.between(FROM, TO) + 1;
        // Seven per region and issue day, fewer in the last week: no truth beyond the simulation's end.
        assertThat(forecasts).hasSize((int) (3 * (7 * (days - 7) + (6 + 5 + 4 + 3 + 2 + 1))));
        assertThat(forecasts).allSatisfy(f -> {
            var issued = f.issuedAt().atZone(ZoneId.of("Europe/Paris"));
            assertThat(issued.toLocalTime()).isEqualTo(java.time.LocalTime.of(6, 0));
            long lead = ChronoUnit.DAYS.between(issued.toLocalDate(), f.targetDate());
            assertThat(lead).isBetween(1L, 7L);
            assertThat(f.targetDate()).isBeforeOrEqualTo(TO);
            assertThat(f.source()).isEqualTo("sim");
            assertThat(f.tempMinC()).isLessThanOrEqualTo(f.tempMeanC());
            assertThat(f.tempMeanC()).isLessThanOrEqualTo(f.tempMaxC());
        });
        assertThat(forecasts).extracting(WeatherForecastIssued::eventId).doesNotHaveDuplicates();
    }

    @Test
    void theErrorAgainstTheSimulatedTruthGrowsWithTheLead() {
        Simulator simulator = new Simulator(WITH);
        List<EnergyWatchEvent> events = simulator.events().toList();
        var truth = new java.util.HashMap<String, Double>();
        events.stream().filter(io.energywatch.contracts.WeatherObserved.class::isInstance)
                .map(io.energywatch.contracts.WeatherObserved.class::cast)
                .forEach(w -> truth.put(w.regionCode() + "|" + w.date(), w.tempMeanC()));
        double[] squares = new double[8];
        int[] counts = new int[8];
        for (WeatherForecastIssued f : forecasts(events)) {
            int lead = (int) ChronoUnit.DAYS.between(LocalDate.ofInstant(f.issuedAt(), ZoneId.of("Europe/Paris")),
                    f.targetDate());
            double error = f.tempMeanC() - truth.get(f.regionCode() + "|" + f.targetDate());
            squares[lead] += error * error;
            counts[lead]++;
        }
        double rmse1 = Math.sqrt(squares[1] / counts[1]);
        double rmse7 = Math.sqrt(squares[7] / counts[7]);

        // σ = 1.3 °C at D+1 and 3.1 °C at D+7; about 160 forecasts each.
        assertThat(rmse1).isBetween(1.0, 1.7);
        assertThat(rmse7).isBetween(2.5, 3.8);
    }

    @Test
    void twoAdjacentDayWindowsHandOutExactlyTheWholeSimulationWithItsForecasts() {
        List<EnergyWatchEvent> whole = new Simulator(WITH).events().toList();
        List<EnergyWatchEvent> parts = new ArrayList<>();
        new Simulator(WITH).forEach(FROM, LocalDate.of(2024, 4, 12), parts::add);
        int firstPart = parts.size();
        new Simulator(WITH).forEach(LocalDate.of(2024, 4, 13), TO, parts::add);

        assertThat(forecasts(parts.subList(0, firstPart))).allSatisfy(f -> assertThat(
                LocalDate.ofInstant(f.issuedAt(), ZoneId.of("Europe/Paris"))).isBeforeOrEqualTo(LocalDate.of(2024, 4, 12)));
        assertThat(parts).isEqualTo(whole);
    }
}
