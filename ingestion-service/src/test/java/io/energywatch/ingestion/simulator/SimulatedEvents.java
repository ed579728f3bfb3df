package io.energywatch.ingestion.simulator;

import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.WeatherObserved;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The events of one simulation run, split by kind, for tests that look at one kind at a time. */
record SimulatedEvents(List<EnergyWatchEvent> all) {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static SimulatedEvents of(Simulator simulator) {
        return new SimulatedEvents(simulator.events().toList());
    }

    List<ConsumptionMeasured> consumption(String resolution) {
        return all.stream()
                .filter(e -> e instanceof ConsumptionMeasured c && c.resolution().equals(resolution))
                .map(ConsumptionMeasured.class::cast)
                .toList();
    }

    List<ConsumptionMeasured> halfHourly() {
        return consumption("PT30M");
    }

    List<ConsumptionMeasured> daily() {
        return consumption("P1D");
    }

    List<WeatherObserved> weather() {
        return all.stream().filter(WeatherObserved.class::isInstance).map(WeatherObserved.class::cast).toList();
    }

    static LocalDate localDay(ConsumptionMeasured record) {
        return record.intervalStart().atZone(PARIS).toLocalDate();
    }
}
