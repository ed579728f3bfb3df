package io.energywatch.drift.analysis;

import io.energywatch.analytics.drift.FeatureDrift;
import io.energywatch.contracts.DriftDetected;
import io.energywatch.contracts.Topics;
import io.energywatch.drift.config.DriftProperties;
import io.energywatch.drift.reports.DriftReport;
import io.energywatch.service.kafka.EventPublisher;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * DriftDetected on {@code energywatch.drift.v1}, keyed by model id, for moderate and significant drift: the anomaly and
 * prediction services answer it by training a challenger. The event id derives from the report id, so a republished
 * report is recognisably the same event.
 */
@Component
class DriftEvents {

    private final EventPublisher publisher;
    private final DriftProperties properties;

    DriftEvents(EventPublisher publisher, DriftProperties properties) {
        this.publisher = publisher;
        this.properties = properties;
    }

    static DriftDetected toEvent(DriftReport report) {
        var features = report.features().stream().map(DriftEvents::toFeature).toList();
        var actions = report.recommendedActions().stream().map(a -> new DriftDetected.RecommendedAction(
                a.action().name(), a.target(), a.reason())).toList();
        return new DriftDetected(null, report.id(), report.modelId(), report.modelVersion(), report.windowFrom(),
                report.windowTo(), report.overallStatus(), report.correction().name(), features, report.createdAt(),
                actions);
    }

    private static DriftDetected.FeatureDrift toFeature(FeatureDrift f) {
        boolean ks = f.kind() == FeatureDrift.Kind.NUMERIC;
        return new DriftDetected.FeatureDrift(f.feature(), f.psi(), f.ksStatistic(), ks ? f.pValue() : null,
                ks ? f.pValueAdjusted() : null, f.status(), f.summary());
    }

    /** Publishes and waits for Kafka's acknowledgement. */
    void publish(DriftReport report) throws InterruptedException, ExecutionException, TimeoutException {
        publisher.publish(Topics.DRIFT, report.modelId(), toEvent(report))
                .get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
