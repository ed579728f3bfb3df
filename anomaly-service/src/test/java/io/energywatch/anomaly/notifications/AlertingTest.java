package io.energywatch.anomaly.notifications;

import io.energywatch.contracts.AnomalyType;
import io.energywatch.contracts.Severity;
import io.energywatch.service.web.PageResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules turned into outbox records on the Mongo wire server with a fixed clock: throttling per rule and series with
 * the held-back count carried by the next notification, quiet hours holding all but CRITICAL, redelivery adding
 * nothing.
 */
class AlertingTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant NOON = Instant.parse("2026-03-10T11:00:00Z"); // 12:00 in Paris
    private static final String SERIES = "electricity:11:odre:PT30M";

    private final MongoStores stores = new MongoStores();
    private final MutableClock clock = new MutableClock(NOON);
    private final Alerting alerting = new Alerting(stores.rules, stores.notifications, stores.throttles, stores.json,
            PARIS, Duration.ofHours(6), clock);

    @AfterEach
    void close() {
        stores.close();
    }

    private Alert anomaly(Instant interval, Severity severity) {
        return Alert.of(Fixtures.anomaly(SERIES, "11", interval, severity, AnomalyType.SPIKE, clock.instant()));
    }

    private List<Notification> all() {
        PageResponse<Notification> page = stores.notifications.find(null, null, 0, 1000);
        return page.content();
    }

    @Test
    void oneNotificationPerSeriesAndWindowAndTheNextCarriesTheSuppressedCount() {
        stores.rules.save(Fixtures.anomalyRule("r1", Severity.HIGH, Set.of(), null, Duration.ofMinutes(30)));

        assertThat(alerting.evaluate(anomaly(Instant.parse("2026-03-09T10:00:00Z"), Severity.HIGH))).isEqualTo(2);
        clock.advance(Duration.ofMinutes(5));
        assertThat(alerting.evaluate(anomaly(Instant.parse("2026-03-09T10:30:00Z"), Severity.HIGH))).isEqualTo(2);
        clock.advance(Duration.ofMinutes(5));
        alerting.evaluate(anomaly(Instant.parse("2026-03-09T11:00:00Z"), Severity.CRITICAL));
        clock.advance(Duration.ofMinutes(25)); // 35 minutes after the first: the window has passed
        alerting.evaluate(anomaly(Instant.parse("2026-03-09T11:30:00Z"), Severity.HIGH));
        alerting.evaluate(anomaly(Instant.parse("2026-03-09T12:00:00Z"), Severity.LOW)); // below the rule

        List<Notification> all = all();
        assertThat(all).hasSize(8); // 4 matching anomalies x (webhook + e-mail)
        assertThat(all.stream().filter(n -> n.status() == DeliveryStatus.PENDING)).hasSize(4);
        assertThat(all.stream().filter(n -> n.status() == DeliveryStatus.SUPPRESSED)).hasSize(4);
        Notification last = all.stream().filter(n -> n.status() == DeliveryStatus.PENDING
                && n.sourceId().contains("11:30")).filter(n -> n.channel() == Channel.WEBHOOK).findFirst().orElseThrow();
        assertThat(last.suppressedBefore()).isEqualTo(2);
        assertThat(last.payload()).contains("\"suppressedSinceLast\":2");
        Notification lastMail = all.stream().filter(n -> n.sourceId().contains("11:30"))
                .filter(n -> n.channel() == Channel.EMAIL).findFirst().orElseThrow();
        assertThat(lastMail.payload()).contains("2 similar alert(s)");
        assertThat(stores.throttles.get("r1", SERIES).suppressed()).isZero();
    }

    @Test
    void aZeroThrottleNotifiesEveryAlert() {
        stores.rules.save(Fixtures.anomalyRule("r0", Severity.LOW, Set.of(), null, Duration.ZERO));
        alerting.evaluate(anomaly(Instant.parse("2026-03-09T10:00:00Z"), Severity.LOW));
        alerting.evaluate(anomaly(Instant.parse("2026-03-09T10:30:00Z"), Severity.LOW));
        assertThat(all()).hasSize(4).allMatch(n -> n.status() == DeliveryStatus.PENDING);
    }

    @Test
    void quietHoursHoldAlertsUntilTheirEndButCriticalOnesGoAtOnce() {
        stores.rules.save(Fixtures.anomalyRule("quiet", Severity.LOW, Set.of(),
                new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)), Duration.ZERO));
        clock.set(Instant.parse("2026-03-10T23:30:00Z")); // 00:30 in Paris
        alerting.evaluate(anomaly(Instant.parse("2026-03-09T10:00:00Z"), Severity.HIGH));
        alerting.evaluate(anomaly(Instant.parse("2026-03-09T10:30:00Z"), Severity.CRITICAL));

        Instant morning = Instant.parse("2026-03-11T06:00:00Z"); // 07:00 in Paris
        List<Notification> all = all();
        assertThat(all).hasSize(4).allMatch(n -> n.status() == DeliveryStatus.PENDING);
        assertThat(all.stream().filter(n -> n.sourceId().contains("10:00:00")))
                .allMatch(n -> n.nextAttemptAt().equals(morning));
        assertThat(all.stream().filter(n -> n.sourceId().contains("10:30:00")))
                .allMatch(n -> n.nextAttemptAt().equals(clock.instant()));
        assertThat(stores.notifications.due(clock.instant(), 100)).hasSize(2);
        assertThat(stores.notifications.stats(clock.instant()).held()).isEqualTo(2);
        assertThat(stores.notifications.due(morning, 100)).hasSize(4);
    }

    @Test
    void aRedeliveredAnomalyAddsNothingAndIsNotCountedAsSuppressed() {
        stores.rules.save(Fixtures.anomalyRule("r2", Severity.LOW, Set.of(), null, Duration.ofMinutes(30)));
        Alert first = anomaly(Instant.parse("2026-03-09T10:00:00Z"), Severity.HIGH);
        assertThat(alerting.evaluate(first)).isEqualTo(2);
        clock.advance(Duration.ofMinutes(1));
        assertThat(alerting.evaluate(first)).isZero();
        assertThat(all()).hasSize(2).allMatch(n -> n.status() == DeliveryStatus.PENDING);
        assertThat(stores.throttles.get("r2", SERIES).suppressed()).isZero();
    }

    @Test
    void disabledRulesOtherRegionsAndOldDetectionsRaiseNothing() {
        var disabled = Fixtures.anomalyRule("off", Severity.LOW, Set.of(), null, Duration.ZERO);
        stores.rules.save(new AlertRule(disabled.id(), disabled.name(), false, disabled.kind(),
                disabled.minSeverity(), disabled.minDriftStatus(), disabled.regions(), disabled.carriers(),
                disabled.types(), null, disabled.throttle(), disabled.webhooks(), disabled.emails(),
                disabled.createdAt(), disabled.updatedAt()));
        stores.rules.save(Fixtures.anomalyRule("paca", Severity.LOW, Set.of("93"), null, Duration.ZERO));
        stores.rules.save(Fixtures.anomalyRule("any", Severity.LOW, Set.of(), null, Duration.ZERO));
        alerting.evaluate(anomaly(Instant.parse("2026-03-09T10:00:00Z"), Severity.HIGH));
        assertThat(all()).extracting(Notification::ruleId).containsOnly("any");

        var old = Alert.of(Fixtures.anomaly(SERIES, "11", Instant.parse("2026-03-09T11:00:00Z"), Severity.HIGH,
                AnomalyType.SPIKE, clock.instant().minus(Duration.ofHours(7))));
        assertThat(alerting.evaluate(old)).isZero();
    }

    @Test
    void rulesRoundTripThroughTheirJsonDocuments() {
        var rule = Fixtures.anomalyRule("rt", Severity.MEDIUM, Set.of("11", "FR"),
                new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 30)), Duration.ofMinutes(45));
        stores.rules.save(rule);
        assertThat(stores.rules.find("rt")).contains(rule);
        assertThat(stores.rules.enabled(RuleKind.ANOMALY)).containsExactly(rule);
        assertThat(stores.rules.enabled(RuleKind.DRIFT)).isEmpty();
        assertThat(stores.rules.delete("rt")).isTrue();
        assertThat(stores.rules.find("rt")).isEmpty();
    }
}
