package io.energywatch.anomaly.notifications;

import io.energywatch.contracts.AnomalyType;
import io.energywatch.contracts.Carrier;
import io.energywatch.contracts.DriftStatus;
import io.energywatch.contracts.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which anomalies and drift reports a rule selects. */
class RuleMatchingTest {

    private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");

    private static Alert anomaly(String series, String region, Severity severity, AnomalyType type) {
        return Alert.of(Fixtures.anomaly(series, region, T, severity, type, T));
    }

    private static AlertRule rule(Severity min, Set<String> regions, Set<Carrier> carriers, Set<AnomalyType> types) {
        return new AlertRule("r", "r", true, RuleKind.ANOMALY, min, DriftStatus.MODERATE, regions, carriers, types,
                null, Duration.ZERO, List.of(), List.of("a@example.org"), T, T);
    }

    @Test
    void severityIsAMinimum() {
        var rule = rule(Severity.HIGH, Set.of(), Set.of(), Set.of());
        assertThat(anomaly("electricity:11:odre:PT30M", "11", Severity.MEDIUM, AnomalyType.SPIKE).matchedBy(rule))
                .isFalse();
        assertThat(anomaly("electricity:11:odre:PT30M", "11", Severity.HIGH, AnomalyType.SPIKE).matchedBy(rule))
                .isTrue();
        assertThat(anomaly("electricity:11:odre:PT30M", "11", Severity.CRITICAL, AnomalyType.DROP).matchedBy(rule))
                .isTrue();
    }

    @Test
    void regionsCarriersAndTypesNarrowTheRuleWhenGiven() {
        var rule = rule(Severity.LOW, Set.of("93", "FR"), Set.of(Carrier.GAS), Set.of(AnomalyType.DROP));
        assertThat(anomaly("gas:93:grtgaz:PT1H", "93", Severity.LOW, AnomalyType.DROP).matchedBy(rule)).isTrue();
        assertThat(anomaly("gas:FR:odre:PT1H", null, Severity.LOW, AnomalyType.DROP).matchedBy(rule))
                .as("a national series counts under FR").isTrue();
        assertThat(anomaly("gas:53:grtgaz:PT1H", "53", Severity.LOW, AnomalyType.DROP).matchedBy(rule)).isFalse();
        assertThat(anomaly("electricity:93:eco2mix:PT30M", "93", Severity.LOW, AnomalyType.DROP).matchedBy(rule))
                .isFalse();
        assertThat(anomaly("gas:93:grtgaz:PT1H", "93", Severity.LOW, AnomalyType.SPIKE).matchedBy(rule)).isFalse();
    }

    @Test
    void aMeterWithoutRegionCountsAsUnassigned() {
        var alert = anomaly("electricity:meter-uci-1:uci:PT1H", null, Severity.HIGH, AnomalyType.SPIKE);
        assertThat(alert.region()).isEqualTo("unassigned");
        assertThat(alert.matchedBy(rule(Severity.LOW, Set.of("unassigned"), Set.of(), Set.of()))).isTrue();
        assertThat(alert.matchedBy(rule(Severity.LOW, Set.of("11"), Set.of(), Set.of()))).isFalse();
    }

    @Test
    void driftRulesTakeModerateOrWorseReportsAndAnomalyRulesNone() {
        var drift = new AlertRule("d", "d", true, RuleKind.DRIFT, Severity.LOW, DriftStatus.MODERATE, Set.of(),
                Set.of(), Set.of(), null, Duration.ZERO, List.of(), List.of("a@example.org"), T, T);
        var significantOnly = new AlertRule("s", "s", true, RuleKind.DRIFT, Severity.LOW, DriftStatus.SIGNIFICANT,
                Set.of(), Set.of(), Set.of(), null, Duration.ZERO, List.of(), List.of("a@example.org"), T, T);
        var moderate = Alert.of(Fixtures.drift("rep-1", DriftStatus.MODERATE, T));
        assertThat(moderate.seriesKey()).isEqualTo("model:anomaly-forest.electricity.regional.PT30M");
        assertThat(moderate.matchedBy(drift)).isTrue();
        assertThat(moderate.matchedBy(significantOnly)).isFalse();
        assertThat(Alert.of(Fixtures.drift("rep-2", DriftStatus.SIGNIFICANT, T)).matchedBy(significantOnly)).isTrue();
        assertThat(moderate.matchedBy(rule(Severity.LOW, Set.of(), Set.of(), Set.of()))).isFalse();
        assertThat(anomaly("electricity:11:odre:PT30M", "11", Severity.CRITICAL, AnomalyType.SPIKE).matchedBy(drift))
                .isFalse();
    }
}
