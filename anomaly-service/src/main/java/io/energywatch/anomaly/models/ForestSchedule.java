package io.energywatch.anomaly.models;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * When each group's forest is trained, in stream time: a group's first forest once its rows span {@code minHistory}
 * from its first row (at the UTC midnight after), then a new version every {@code retrainEvery}, each on the
 * training window ending there. The scoring thread calls {@link #advance} before it scores a row, so a training point
 * is a function of the stream, not of the wall clock: a backfill of last year trains the forests last year's live
 * run would have, and a replay after a restart reaches the same versions at the same rows ({@link ModelTrainer#scheduled}
 * finds them instead of training again).
 *
 * <p>A training point with too few usable frames is tried again a day later. A training that fails (Kafka down)
 * throws, and the row is not scored: its batch is retried.
 */
public final class ForestSchedule {

    private static final Logger log = LoggerFactory.getLogger(ForestSchedule.class);

    private final ModelTrainer trainer;
    private final Consumer<TrainingResult> onTrained;
    private final Period minHistory;
    private final Period retrainEvery;
    private final Map<SeriesGroup, GroupClock> clocks = new ConcurrentHashMap<>();

    /**
     * @param onTrained told of each version the schedule made champion (the catalog), trained or found again
     */
    public ForestSchedule(ModelTrainer trainer, Consumer<TrainingResult> onTrained, Period minHistory,
                          Period retrainEvery) {
        this.trainer = trainer;
        this.onTrained = onTrained;
        this.minHistory = minHistory;
        this.retrainEvery = retrainEvery;
    }

    /** Trains the group's forest when a row at {@code at} reaches its next training point. */
    public void advance(SeriesGroup group, Instant at) {
        GroupClock clock = clocks.computeIfAbsent(group, g -> new GroupClock(plus(midnight(at), minHistory)));
        synchronized (clock) {
            if (at.isBefore(clock.due)) {
                return;
            }
            Instant due = clock.due;
            var result = trainer.scheduled(group, trainer.windowStart(due), due);
            if (result.isPresent()) {
                onTrained.accept(result.get());
                log.info("Forest {} v{} champion from {} (window {}..{}, {} rows)", result.get().modelId(),
                        result.get().version(), due, result.get().trainingFrom(), due, result.get().trainingRows());
                clock.due = next(due, at, retrainEvery);
            } else {
                clock.due = next(due, at, Period.ofDays(1));
            }
        }
    }

    /** The first point after {@code at} on the grid {@code from + k × step}. */
    private static Instant next(Instant from, Instant at, Period step) {
        Instant due = from;
        while (!due.isAfter(at)) {
            due = plus(due, step);
        }
        return due;
    }

    private static Instant midnight(Instant at) {
        return at.truncatedTo(ChronoUnit.DAYS);
    }

    private static Instant plus(Instant at, Period period) {
        return at.atZone(ZoneOffset.UTC).plus(period).toInstant();
    }

    private static final class GroupClock {
        Instant due;

        GroupClock(Instant due) {
            this.due = due;
        }
    }
}
