package io.energywatch.ingestion.simulator;

import io.energywatch.analytics.calendar.FrenchHolidays;
import io.energywatch.contracts.Lineage;
import io.energywatch.contracts.MovementScope;
import io.energywatch.contracts.SocialMovementDeclared;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/** The national strikes of a simulation, drawn once up front, and the demand reduction they cause each day. */
final class StrikePlan {

    private static final int ATTEMPTS_PER_MOVEMENT = 200;

    private final List<SocialMovementDeclared> movements;
    private final double reductionPerStrikerPercent;

    private StrikePlan(List<SocialMovementDeclared> movements, double reductionPerStrikerPercent) {
        this.movements = movements;
        this.reductionPerStrikerPercent = reductionPerStrikerPercent;
    }

    static StrikePlan draw(StrikeModel model, RandomStreams random, LocalDate from, LocalDate to, Lineage lineage) {
        SplittableRandom rng = random.stream(RandomStreams.Purpose.STRIKES);
        long days = to.toEpochDay() - from.toEpochDay() + 1;
        int wanted = (int) Math.round(model.movementsPerYear() * days / 365.0);
        List<SocialMovementDeclared> placed = new ArrayList<>();
        for (int attempt = 0; placed.size() < wanted && attempt < wanted * ATTEMPTS_PER_MOVEMENT; attempt++) {
            int length = model.durationDays().draw(rng);
            if (length > days) {
                continue;
            }
            LocalDate start = from.plusDays(rng.nextLong(days - length + 1));
            LocalDate end = start.plusDays(length - 1);
            String motive = model.motives().get(rng.nextInt(model.motives().size()));
            double rate = Math.round(model.strikerRatePercent().draw(rng) * 10) / 10.0;
            // Unions call strikes on working days; a short simulation may simply hold fewer movements.
            if (touchesDayOff(start, end) || overlaps(placed, start, end, model.minGapDays())) {
                continue;
            }
            placed.add(new SocialMovementDeclared(null, SocialMovementDeclared.movementId(DailyWeather.SOURCE, start, motive),
                    start, end, MovementScope.NATIONAL, List.of(), motive, null, null, null, null, rate,
                    DailyWeather.SOURCE, lineage));
        }
        placed.sort(Comparator.comparing(SocialMovementDeclared::startDate));
        return new StrikePlan(List.copyOf(placed), model.demandReductionPerStrikerPercent());
    }

    List<SocialMovementDeclared> movements() {
        return movements;
    }

    List<SocialMovementDeclared> startingOn(LocalDate day) {
        return movements.stream().filter(m -> m.startDate().equals(day)).toList();
    }

    /** Relative demand reduction on {@code day}: zero unless a movement covers it. */
    double reduction(LocalDate day) {
        return movements.stream()
                .filter(m -> m.covers(day, null))
                .mapToDouble(m -> m.strikerRatePercent() * reductionPerStrikerPercent)
                .max().orElse(0);
    }

    private static boolean touchesDayOff(LocalDate start, LocalDate end) {
        return start.datesUntil(end.plusDays(1)).anyMatch(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY
                || d.getDayOfWeek() == DayOfWeek.SUNDAY || FrenchHolidays.isHoliday(d));
    }

    private static boolean overlaps(List<SocialMovementDeclared> placed, LocalDate start, LocalDate end, int gapDays) {
        return placed.stream().anyMatch(m -> !start.isAfter(m.endDate().plusDays(gapDays))
                && !end.isBefore(m.startDate().minusDays(gapDays)));
    }
}
