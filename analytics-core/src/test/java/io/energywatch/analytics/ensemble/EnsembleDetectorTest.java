package io.energywatch.analytics.ensemble;

import io.energywatch.analytics.anomaly.Detection;
import io.energywatch.analytics.anomaly.DetectorConfig;
import io.energywatch.analytics.anomaly.Observation;
import io.energywatch.analytics.anomaly.StreamingDetector;
import io.energywatch.contracts.AnomalyType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hourly series with a daily cycle and noise; the ensemble run beside a plain streaming detector. */
class EnsembleDetectorTest {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private static List<Observation> series(int rows, int spikeAt, int shiftFrom) {
        var noise = new SplittableRandom(5);
        var out = new ArrayList<Observation>();
        for (int i = 0; i < rows; i++) {
            double v = 100 + 10 * Math.sin(2 * Math.PI * i / 24) + 2 * noise.nextGaussian();
            if (i == spikeAt) {
                v += 80;
            }
            if (shiftFrom >= 0 && i >= shiftFrom) {
                v += 40;
            }
            out.add(Observation.of(START.plus(Duration.ofHours(i)), v));
        }
        return out;
    }

    private static EnsembleConfig config(EnsembleConfig.Members members, double alarmProbability) {
        var base = EnsembleConfig.defaults().withZone(ZoneOffset.UTC).withMembers(members);
        return new EnsembleConfig(base.streaming(), members, new EnsembleConfig.Forest(4, 256, 64, 30, 64),
                new EnsembleConfig.Entropy(8, 256, 8, 16), 500, 100, alarmProbability, base.episodeHalfLife(),
                base.episodeEscalation(), base.episodeDamping());
    }

    @Test
    void theEnsembleNeverScoresARowBelowItsStreamingMember() {
        var ensemble = new EnsembleDetector(config(EnsembleConfig.Members.ALL, 1e-3));
        var streaming = new StreamingDetector(DetectorConfig.defaults().withZone(ZoneOffset.UTC));
        for (Observation o : series(1500, 1200, -1)) {
            Detection e = ensemble.next(o);
            Detection s = streaming.next(o);
            assertThat(e.score()).isGreaterThanOrEqualTo(s.score());
            assertThat(e.warmingUp()).isEqualTo(s.warmingUp());
        }
    }

    @Test
    void aSpikeIsReportedAsASpike() {
        var ensemble = new EnsembleDetector(config(EnsembleConfig.Members.ALL, 1e-5));
        List<Detection> out = new ArrayList<>();
        for (Observation o : series(1300, 1200, -1)) {
            out.add(ensemble.next(o));
        }
        Detection spike = out.get(1200);
        assertThat(spike.anomaly()).isTrue();
        assertThat(spike.type()).isEqualTo(AnomalyType.SPIKE);
        assertThat(spike.recommendation()).isNotBlank();
    }

    @Test
    void withoutTheStreamingMemberALevelShiftIsReportedOnceAtItsOnset() {
        var ensemble = new EnsembleDetector(config(new EnsembleConfig.Members(false, true, true), 1e-2));
        List<Detection> out = new ArrayList<>();
        for (Observation o : series(1400, -1, 1200)) {
            out.add(ensemble.next(o));
        }
        int first = -1;
        for (int i = 1100; i < 1400; i++) {
            if (out.get(i).anomaly()) {
                first = i;
                break;
            }
        }
        assertThat(first).as("first anomaly").isBetween(1200, 1203);
        long later = out.subList(first + 1, first + 24).stream().filter(Detection::anomaly).count();
        assertThat(later).as("anomalies in the day after the onset").isZero();
    }

    @Test
    void settingsAreValidatedNamingTheSetting() {
        assertThatThrownBy(() -> new EnsembleConfig.Members(false, false, false))
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> config(EnsembleConfig.Members.ALL, 1.5)).hasMessageContaining("alarmProbability");
        assertThatThrownBy(() -> new EnsembleConfig.Forest(4, 32, 8, 10, 64)).hasMessageContaining("windowRows 32");
        assertThatThrownBy(() -> new EnsembleConfig.Entropy(8, 4, 8, 16)).hasMessageContaining("referenceRows 4");
    }
}
