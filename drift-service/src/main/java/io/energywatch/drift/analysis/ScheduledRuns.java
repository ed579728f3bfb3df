package io.energywatch.drift.analysis;

import io.energywatch.drift.config.DriftProperties;
import io.energywatch.drift.reports.DriftReport;
import io.energywatch.service.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * The scheduled runs over the rolling window, for every watched model: a light daily run (the last day, thinned to
 * {@code light-max-rows}) and a full weekly run (the last week, every row).
 */
@Component
class ScheduledRuns {

    private static final Logger log = LoggerFactory.getLogger(ScheduledRuns.class);

    private final DriftRuns runs;
    private final DriftProperties properties;
    private final Clock clock;

    ScheduledRuns(DriftRuns runs, DriftProperties properties, Clock clock) {
        this.runs = runs;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${energywatch.drift.schedule.light-cron}", zone = "${energywatch.drift.schedule.zone}")
    void light() {
        var schedule = properties.schedule();
        runAll(schedule.lightWindow(), schedule.lightMaxRows(), DriftReport.Trigger.SCHEDULED_LIGHT);
    }

    @Scheduled(cron = "${energywatch.drift.schedule.full-cron}", zone = "${energywatch.drift.schedule.zone}")
    void full() {
        runAll(properties.schedule().fullWindow(), Integer.MAX_VALUE, DriftReport.Trigger.SCHEDULED_FULL);
    }

    private void runAll(java.time.Duration length, int maxRows, DriftReport.Trigger trigger) {
        Instant to = clock.instant();
        for (String model : properties.models()) {
            try {
                var report = runs.againstWindow(model, null, to.minus(length), to, maxRows, trigger);
                log.info("{} drift run of {}: {} over {} rows", trigger, model, report.overallStatus(),
                        report.currentRows());
            } catch (ProblemException e) {
                // One model without a version must not stop the runs of the others; the failure is reported here.
                log.error("{} drift run of {} failed: {}", trigger, model, e.getMessage());
            }
        }
    }
}
