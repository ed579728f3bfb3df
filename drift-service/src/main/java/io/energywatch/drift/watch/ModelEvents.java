package io.energywatch.drift.watch;

import io.energywatch.contracts.ModelLifecycleChanged;
import io.energywatch.drift.reports.ReportStore;
import io.energywatch.drift.reports.Retraining;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code energywatch.models.v1}: a version trained, promoted or retired somewhere, so the champions may have changed
 * and are read again; and when the announcement's reason names a drift report (the anomaly service writes
 * {@code drift <report id> (STATUS)}, the prediction service {@code drift report <report id> (STATUS)}), the retraining
 * is linked to that report, which then shows what it triggered.
 */
@Component
class ModelEvents {

    private static final Logger log = LoggerFactory.getLogger(ModelEvents.class);
    private static final Pattern DRIFT_REPORT = Pattern.compile(
            "drift (?:report )?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    private final WatchedModels watched;
    private final ReportStore reports;

    ModelEvents(WatchedModels watched, ReportStore reports) {
        this.watched = watched;
        this.reports = reports;
    }

    @KafkaListener(id = "drift-models", topics = "#{T(io.energywatch.contracts.Topics).MODELS.name()}",
            containerFactory = WatchConfiguration.MODELS_CONTAINER_FACTORY)
    void onModelChanged(ConsumerRecord<String, ModelLifecycleChanged> record) {
        ModelLifecycleChanged event = record.value();
        if (event != null) {
            reportId(event.reason()).ifPresent(id -> {
                boolean linked = reports.addRetraining(id, new Retraining(event.modelId(), event.version(),
                        event.stage().name(), event.reason(), event.changedAt()));
                log.info("{} v{} {} after drift report {}{}", event.modelId(), event.version(), event.stage(), id,
                        linked ? "" : " (not a report of this service)");
            });
            watched.refreshIfBefore(event.changedAt());
        } else {
            watched.refresh();
        }
    }

    static Optional<String> reportId(String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        var matcher = DRIFT_REPORT.matcher(reason);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
