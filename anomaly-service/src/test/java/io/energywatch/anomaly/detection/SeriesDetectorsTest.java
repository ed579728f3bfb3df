package io.energywatch.anomaly.detection;

import io.energywatch.analytics.anomaly.DetectorConfig;
import io.energywatch.analytics.registry.LocalModelRegistry;
import io.energywatch.anomaly.SyntheticSeries;
import io.energywatch.anomaly.alerts.AnomalyDocument;
import io.energywatch.anomaly.models.ChampionModels;
import io.energywatch.anomaly.models.FrameHistory;
import io.energywatch.anomaly.models.SeriesGroup;
import io.energywatch.contracts.AnomalyDetected;
import io.energywatch.contracts.AnomalyType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SeriesDetectorsTest {

    /** Spikes two days apart: closer ones would fall inside the first one's episode and score damped. */
    /**
     * Two spikes 40 hours apart. Closer ones fall in the first one's open episode and score damped; on a week of
     * history a third equal spike is read as the series' heavy tail. Both by the detector's design.
     */
    private static final Set<Integer> SPIKES = Set.of(80, 120);

    @TempDir
    Path registryDir;

    private final FrameHistory frames = new FrameHistory(10_000);

    private SeriesDetectors detectors() {
        return new SeriesDetectors(DetectorConfig.defaults(), new ChampionModels(new LocalModelRegistry(registryDir)),
                frames, new AnomalyFactory(100.0), 64, Clock.fixed(Instant.parse("2024-04-01T00:00:00Z"),
                ZoneOffset.UTC));
    }

    @Test
    void theInjectedSpikesBecomeSpikeAnomaliesWithADeterministicIdAndACostImpact() {
        var series = SyntheticSeries.series("ext-unit");
        var events = SyntheticSeries.enriched(series, "11", SyntheticSeries.values(168, SPIKES));
        var detectors = detectors();
        List<AnomalyDetected> anomalies = new ArrayList<>();
        events.forEach(e -> detectors.score(e).ifPresent(anomalies::add));

        assertThat(anomalies).extracting(AnomalyDetected::intervalStart)
                .containsExactlyInAnyOrderElementsOf(SPIKES.stream().map(SyntheticSeries::hour).toList());
        AnomalyDetected first = anomalies.getFirst();
        assertThat(first.type()).isEqualTo(AnomalyType.SPIKE);
        assertThat(first.anomalyId()).isEqualTo(AnomalyDocument.idOf(series.toString(), first.intervalStart()));
        assertThat(first.regionCode()).isEqualTo("11");
        assertThat(first.modelId()).isEqualTo(SeriesDetectors.STREAMING_MODEL_ID);
        // One hour at (observed − expected) MW is that many MWh, at 100 EUR each.
        double expectedCost = Math.abs(first.observedMw() - first.expectedMw()) * 100.0;
        assertThat(first.costImpactEur()).isCloseTo(expectedCost, org.assertj.core.data.Offset.offset(0.01));
        assertThat(first.recommendation()).isNotBlank();
        assertThat(first.contributions()).isNotEmpty();
    }

    @Test
    void aRedeliveredRowReturnsTheSameAnomalyAndIsNotLearnedTwice() {
        var series = SyntheticSeries.series("ext-unit");
        var events = SyntheticSeries.enriched(series, "11", SyntheticSeries.values(140, SPIKES));
        var detectors = detectors();
        List<AnomalyDetected> firstPass = new ArrayList<>();
        events.forEach(e -> detectors.score(e).ifPresent(firstPass::add));
        int framesAfterFirstPass = frames.window(SeriesGroup.of(series.toString()), Instant.EPOCH,
                Instant.parse("2100-01-01T00:00:00Z"), f -> true).size();

        List<AnomalyDetected> redelivered = new ArrayList<>();
        events.subList(70, 140).forEach(e -> detectors.score(e).ifPresent(redelivered::add));

        assertThat(redelivered).isEqualTo(firstPass);
        assertThat(frames.window(SeriesGroup.of(series.toString()), Instant.EPOCH,
                Instant.parse("2100-01-01T00:00:00Z"), f -> true)).hasSize(framesAfterFirstPass);
    }

    @Test
    void costImpactIsTheDeviationEnergyTimesThePriceAndUnknownWithoutAnObservation() {
        var factory = new AnomalyFactory(80.0);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        // 200 MW above expectation for half an hour is 100 MWh.
        assertThat(factory.costImpactEur(1200.0, 1000.0, start, start.plusSeconds(1800))).isEqualTo(8000.0);
        assertThat(factory.costImpactEur(800.0, 1000.0, start, start.plusSeconds(3600))).isEqualTo(16000.0);
        assertThat(factory.costImpactEur(null, 1000.0, start, start.plusSeconds(3600))).isNull();
    }
}
