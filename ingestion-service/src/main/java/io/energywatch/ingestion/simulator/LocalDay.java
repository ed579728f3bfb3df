package io.energywatch.ingestion.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * One Europe/Paris day as a UTC interval cut into half-hours: 48 of them, 46 on the spring-forward day and 50 on the
 * fall-back day.
 */
record LocalDay(LocalDate date, Instant start, Instant end) {

    static final Duration STEP = Duration.ofMinutes(30);
    static final double STEP_HOURS = 0.5;

    static LocalDay of(LocalDate date) {
        return new LocalDay(date, date.atStartOfDay(SimulationRequest.PARIS).toInstant(),
                date.plusDays(1).atStartOfDay(SimulationRequest.PARIS).toInstant());
    }

    int steps() {
        return (int) (Duration.between(start, end).toMinutes() / STEP.toMinutes());
    }

    Instant stepStart(int i) {
        return start.plus(STEP.multipliedBy(i));
    }

    /** Local clock hour at the middle of step {@code i}, in [0, 24); the repeated autumn hour gets its clock time twice. */
    double localMidHour(int i) {
        ZonedDateTime mid = stepStart(i).plus(STEP.dividedBy(2)).atZone(SimulationRequest.PARIS);
        return mid.getHour() + mid.getMinute() / 60.0;
    }
}
