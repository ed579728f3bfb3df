package io.energywatch.ingestion.simulator;

import io.energywatch.contracts.AnomalyType;
import io.energywatch.contracts.Region;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Collectors;

/**
 * The anomalies of a simulation, placed once up front on random regions and half-hours so their labels are known before
 * any event is produced. Anomalies of one region never share a local day, so each daily label describes one anomaly.
 */
final class AnomalyPlan {

    /** Long anomalies first: they are the hardest to fit between the others. */
    private static final List<AnomalyType> PLACEMENT_ORDER = List.of(AnomalyType.LEVEL_SHIFT, AnomalyType.GRADUAL_DRIFT,
            AnomalyType.STUCK_METER, AnomalyType.SPIKE, AnomalyType.DROP);
    private static final int STANDARD_DAY_STEPS = 48;

    private final Map<String, List<PlannedAnomaly>> byRegion;
    private final List<PlannedAnomaly> all;

    private AnomalyPlan(List<PlannedAnomaly> all) {
        this.all = List.copyOf(all);
        this.byRegion = all.stream().collect(Collectors.groupingBy(PlannedAnomaly::regionCode));
    }

    /**
     * Places the requested anomalies. {@code cleanDay} gives a region's rounded clean powers on a day, which a stuck
     * meter freezes at.
     *
     * @throws IllegalArgumentException when the anomalies do not fit in the period with the required clean gaps
     */
    static AnomalyPlan draw(AnomalySettings settings, AnomalyShapes shapes, RandomStreams random, List<Region> regions,
                            LocalDate from, LocalDate to, BiFunction<Region, LocalDay, double[]> cleanDay) {
        SplittableRandom rng = random.stream(RandomStreams.Purpose.ANOMALIES);
        long days = to.toEpochDay() - from.toEpochDay() + 1;
        Instant periodStart = LocalDay.of(from).start();
        long periodSteps = Duration.between(periodStart, LocalDay.of(to).end()).toMinutes() / LocalDay.STEP.toMinutes();
        List<PlannedAnomaly> placed = new ArrayList<>();
        for (AnomalyType type : PLACEMENT_ORDER) {
            int wanted = settings.countFor(type, regions.size(), days);
            for (int n = 0; n < wanted; n++) {
                placed.add(placeOne(type, shapes, rng, regions, periodStart, periodSteps, placed, cleanDay));
            }
        }
        placed.sort(Comparator.comparing(PlannedAnomaly::start).thenComparing(PlannedAnomaly::regionCode));
        return new AnomalyPlan(placed);
    }

    private static PlannedAnomaly placeOne(AnomalyType type, AnomalyShapes shapes, SplittableRandom rng,
                                           List<Region> regions, Instant periodStart, long periodSteps,
                                           List<PlannedAnomaly> placed,
                                           BiFunction<Region, LocalDay, double[]> cleanDay) {
        for (int attempt = 0; attempt < shapes.maxPlacementAttempts(); attempt++) {
            Region region = regions.get(rng.nextInt(regions.size()));
            int steps = switch (type) {
                case SPIKE -> shapes.spikeSteps().draw(rng);
                case DROP -> shapes.dropSteps().draw(rng);
                case STUCK_METER -> shapes.stuckSteps().draw(rng);
                case LEVEL_SHIFT -> shapes.levelShiftDays().draw(rng) * STANDARD_DAY_STEPS;
                case GRADUAL_DRIFT -> shapes.driftDays().draw(rng) * STANDARD_DAY_STEPS;
                case PEER_DEVIATION -> throw new IllegalArgumentException("PEER_DEVIATION cannot be injected");
            };
            double magnitude = switch (type) {
                case SPIKE -> shapes.spikeMagnitude().draw(rng);
                case DROP -> -shapes.dropMagnitude().draw(rng);
                case LEVEL_SHIFT -> randomSign(rng) * shapes.levelShiftMagnitude().draw(rng);
                case GRADUAL_DRIFT -> randomSign(rng) * shapes.driftMagnitude().draw(rng);
                case STUCK_METER, PEER_DEVIATION -> 0;
            };
            if (steps > periodSteps) {
                continue;
            }
            Instant start = periodStart.plus(LocalDay.STEP.multipliedBy(rng.nextLong(periodSteps - steps + 1)));
            Instant end = start.plus(LocalDay.STEP.multipliedBy(steps));
            if (clashes(region.code(), start, end, placed, shapes.cleanDaysBetween())) {
                continue;
            }
            Distortion distortion = switch (type) {
                case SPIKE, DROP, LEVEL_SHIFT -> new Distortion.Scale(magnitude);
                case GRADUAL_DRIFT -> new Distortion.Ramp(magnitude);
                case STUCK_METER -> new Distortion.Hold(valueAt(region, start, cleanDay));
                case PEER_DEVIATION -> throw new IllegalArgumentException("PEER_DEVIATION cannot be injected");
            };
            return new PlannedAnomaly(region.code(), type, start, end, distortion);
        }
        throw new IllegalArgumentException("cannot fit another " + type + " anomaly in the period after "
                + shapes.maxPlacementAttempts() + " attempts: ask for fewer anomalies or a longer period");
    }

    private static double randomSign(SplittableRandom rng) {
        return rng.nextBoolean() ? 1 : -1;
    }

    private static boolean clashes(String regionCode, Instant start, Instant end, List<PlannedAnomaly> placed,
                                   int gapDays) {
        LocalDate firstDay = PlannedAnomaly.localDay(start);
        LocalDate lastDay = PlannedAnomaly.localDay(end.minusNanos(1));
        return placed.stream().anyMatch(p -> p.regionCode().equals(regionCode)
                && !firstDay.isAfter(p.lastDay().plusDays(gapDays))
                && !lastDay.isBefore(p.firstDay().minusDays(gapDays)));
    }

    private static double valueAt(Region region, Instant stepStart, BiFunction<Region, LocalDay, double[]> cleanDay) {
        LocalDay day = LocalDay.of(stepStart.atZone(SimulationRequest.PARIS).toLocalDate());
        int index = (int) (Duration.between(day.start(), stepStart).toMinutes() / LocalDay.STEP.toMinutes());
        return cleanDay.apply(region, day)[index];
    }

    List<PlannedAnomaly> all() {
        return all;
    }

    /**
     * Applies the region's anomalies to its rounded clean powers of {@code day}; {@code round} is the publication
     * rounding, applied again so distorted values look like the rest.
     */
    RegionDay apply(Region region, LocalDay day, double[] cleanMw, DoubleUnaryOperator round) {
        double[] powers = cleanMw.clone();
        boolean[] injected = new boolean[powers.length];
        for (PlannedAnomaly anomaly : byRegion.getOrDefault(region.code(), List.of())) {
            if (anomaly.lastDay().isBefore(day.date()) || anomaly.firstDay().isAfter(day.date())) {
                continue;
            }
            for (int i = 0; i < powers.length; i++) {
                Instant stepStart = day.stepStart(i);
                if (anomaly.covers(stepStart)) {
                    powers[i] = round.applyAsDouble(anomaly.distortion().apply(cleanMw[i], anomaly.progress(stepStart)));
                    injected[i] = true;
                }
            }
        }
        return new RegionDay(day, powers, injected);
    }
}
