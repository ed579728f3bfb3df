package io.energywatch.anomaly.detection;

import io.energywatch.analytics.anomaly.Detection;
import io.energywatch.analytics.anomaly.DetectorConfig;
import io.energywatch.analytics.anomaly.GroupScorer;
import io.energywatch.analytics.anomaly.Observation;
import io.energywatch.analytics.anomaly.ScoreCombination;
import io.energywatch.analytics.anomaly.StreamingDetector;
import io.energywatch.anomaly.models.ChampionModels;
import io.energywatch.anomaly.models.ForestSchedule;
import io.energywatch.anomaly.models.FrameHistory;
import io.energywatch.anomaly.models.SeriesGroup;
import io.energywatch.contracts.AnomalyDetected;
import io.energywatch.contracts.ConsumptionEnriched;

import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleConsumer;

/**
 * One {@link StreamingDetector} per series, scoring the enriched stream in order.
 *
 * <p>State is in memory only. After a restart the consumer resumes from the last committed offset and every detector
 * starts cold: it warms up again (two days of data by default) before it scores, so anomalies inside that warm-up are
 * missed. A row at or before the last row of its series (a redelivered batch, or a late row) is not learned again: the
 * anomaly remembered for it, if any, is returned, so a redelivery stores and publishes the same anomaly.
 *
 * <p>Before a row is scored, the {@link ForestSchedule} may train its group's forest (stream time). The group forest is
 * looked up on every row, so a promoted champion is used at once, and joins the streaming score by the configured
 * {@link ScoreCombination}; an anomaly is attributed to the forest when its score came from the forest, otherwise to
 * the streaming detector.
 */
public final class SeriesDetectors {

    /** Model coordinates of anomalies scored by the streaming detector alone. */
    static final String STREAMING_MODEL_ID = "streaming-detector";
    static final String STREAMING_MODEL_VERSION = "consumption";

    private final DetectorConfig config;
    private final ChampionModels champions;
    private final FrameHistory frames;
    private final @Nullable ForestSchedule schedule;
    private final ScoreCombination combination;
    private final AnomalyFactory factory;
    private final int remembered;
    private final Clock clock;
    private final Map<String, SeriesState> states = new ConcurrentHashMap<>();
    /** Where the score of every record scored past warm-up goes (the score distribution meter). */
    private final DoubleConsumer scores;

    SeriesDetectors(DetectorConfig config, ChampionModels champions, FrameHistory frames, AnomalyFactory factory,
                    int remembered, Clock clock) {
        this(config, champions, frames, null, ScoreCombination.MAX, factory, remembered, clock);
    }

    /**
     * @param schedule    trains group forests in stream time; null where forests are trained only on request
     * @param combination how a group forest's score joins the streaming one
     */
    SeriesDetectors(DetectorConfig config, ChampionModels champions, FrameHistory frames,
                    @Nullable ForestSchedule schedule, ScoreCombination combination, AnomalyFactory factory,
                    int remembered, Clock clock) {
        this(config, champions, frames, schedule, combination, factory, remembered, clock, score -> {
        });
    }

    /** @param scores receives the score of every record scored past warm-up */
    SeriesDetectors(DetectorConfig config, ChampionModels champions, FrameHistory frames,
                    @Nullable ForestSchedule schedule, ScoreCombination combination, AnomalyFactory factory,
                    int remembered, Clock clock, DoubleConsumer scores) {
        this.scores = scores;
        this.config = config;
        this.champions = champions;
        this.frames = frames;
        this.schedule = schedule;
        this.combination = combination;
        this.factory = factory;
        this.remembered = remembered;
        this.clock = clock;
    }

    /** Scores one event; the anomaly it is, if any. */
    Optional<AnomalyDetected> score(ConsumptionEnriched event) {
        String seriesId = event.measurement().seriesId();
        SeriesState state = states.computeIfAbsent(seriesId, this::newState);
        synchronized (state) {
            Instant at = event.measurement().intervalStart();
            if (state.last != null && !at.isAfter(state.last)) {
                return Optional.ofNullable(state.anomalies.get(at));
            }
            if (schedule != null) {
                schedule.advance(state.group, at);
            }
            var champion = champions.champion(state.group);
            Detection d = state.detector.next(Observation.from(event));
            state.last = at;
            if (!d.warmingUp() && !Double.isNaN(d.features().residualZ())) {
                frames.record(seriesId, at, d.features());
            }
            if (!d.warmingUp() && Double.isFinite(d.score())) {
                scores.accept(d.score());
            }
            if (!d.anomaly()) {
                return Optional.empty();
            }
            boolean byForest = champion.isPresent() && !Double.isNaN(d.forestScore())
                    && d.forestScore() >= d.streamingScore() && d.score() == d.forestScore();
            AnomalyDetected anomaly = factory.anomaly(event, d,
                    byForest ? champion.get().modelId() : STREAMING_MODEL_ID,
                    byForest ? champion.get().version() : STREAMING_MODEL_VERSION, clock.instant());
            state.anomalies.put(at, anomaly);
            return Optional.of(anomaly);
        }
    }

    /** Series with a detector. */
    int series() {
        return states.size();
    }

    private SeriesState newState(String seriesId) {
        SeriesGroup group = SeriesGroup.of(seriesId);
        GroupScorer forest = frame -> champions.champion(group)
                .map(c -> c.forest().calibratedScore(frame)).orElse(Double.NaN);
        return new SeriesState(group, new StreamingDetector(config, forest, combination), remembered);
    }

    private static final class SeriesState {
        final SeriesGroup group;
        final StreamingDetector detector;
        final Map<Instant, AnomalyDetected> anomalies;
        Instant last;

        SeriesState(SeriesGroup group, StreamingDetector detector, int capacity) {
            this.group = group;
            this.detector = detector;
            this.anomalies = new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Instant, AnomalyDetected> eldest) {
                    return size() > capacity;
                }
            };
        }
    }
}
