package io.energywatch.ingestion.simulator;

import java.util.List;
import java.util.Objects;

/**
 * Tunables of simulated national strikes, which lower demand (industry and offices run slower).
 *
 * @param movementsPerYear                 expected number of movements per 365 days of simulation
 * @param durationDays                     length of one movement, days
 * @param strikerRatePercent               striker rate of one movement, percent
 * @param demandReductionPerStrikerPercent relative demand reduction per percent of strikers
 * @param minGapDays                       minimum number of quiet days between two movements
 * @param motives                          motives drawn from
 */
public record StrikeModel(double movementsPerYear, IntRange durationDays, Range strikerRatePercent,
                          double demandReductionPerStrikerPercent, int minGapDays, List<String> motives) {

    public StrikeModel {
        Objects.requireNonNull(durationDays, "durationDays");
        Objects.requireNonNull(strikerRatePercent, "strikerRatePercent");
        motives = List.copyOf(motives);
        if (movementsPerYear < 0) {
            throw new IllegalArgumentException("movementsPerYear must not be negative");
        }
        if (durationDays.min() < 1) {
            throw new IllegalArgumentException("a movement lasts at least one day");
        }
        if (strikerRatePercent.min() < 0 || strikerRatePercent.max() > 100) {
            throw new IllegalArgumentException("striker rates are percentages in [0, 100]");
        }
        if (motives.isEmpty()) {
            throw new IllegalArgumentException("at least one motive is needed");
        }
    }

    public static StrikeModel defaults() {
        return new StrikeModel(4, new IntRange(1, 3), new Range(15, 45), 0.001, 7,
                List.of("réforme des retraites", "salaires", "conditions de travail", "emploi et services publics"));
    }

    public static StrikeModel none() {
        return new StrikeModel(0, new IntRange(1, 1), new Range(0, 0), 0, 0, List.of("aucun"));
    }
}
