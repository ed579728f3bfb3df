package io.energywatch.ingestion.pollers;

import io.energywatch.ingestion.config.IngestionProperties;
import io.energywatch.ingestion.config.IngestionProperties.Poller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.energywatch.service.web.ProblemException;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;
import java.util.Optional;
import io.swagger.v3.oas.annotations.Operation;

/**
 * Schedules every configured poller on its cron expression, and offers {@code /api/v1/pollers} to see their state and
 * run one now.
 */
@Component
@RestController
@RequestMapping("/api/v1/pollers")
class PollerScheduler {

    private static final Logger log = LoggerFactory.getLogger(PollerScheduler.class);

    private final IngestionProperties properties;
    private final PollerRunner runner;
    private final TaskScheduler scheduler;
    private final MongoTemplate mongo;

    PollerScheduler(IngestionProperties properties, PollerRunner runner, TaskScheduler scheduler, MongoTemplate mongo) {
        this.properties = properties;
        this.runner = runner;
        this.scheduler = scheduler;
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        for (Poller p : properties.pollers()) {
            scheduler.schedule(() -> {
                var run = runner.run(p);
                log.info("poller {}: {} ({})", p.id(), run.outcome(), run.detail());
            }, new CronTrigger(p.cron()));
            log.info("poller {} scheduled: {} every '{}'", p.id(), p.url(), p.cron());
        }
    }

    /** A configured poller with its last run. */
    record PollerView(String id, String url, String kind, String cron, Optional<PollerState> state) {
    }

    @Operation(summary = "List the pollers", description = "Every configured poller (URL, kind, cron) with the state of "
            + "its last run.")
    @GetMapping
    List<PollerView> pollers() {
        return properties.pollers().stream().map(p -> new PollerView(p.id(), p.url(), p.kind().code(), p.cron(),
                Optional.ofNullable(mongo.findById(p.id(), PollerState.class)))).toList();
    }

    @Operation(summary = "Run a poller now", description = "Fetches the poller's URL at once and ingests what it got; "
            + "answers the run's outcome.")
    @PostMapping("/{id}/runs")
    PollerRunner.Run runNow(@PathVariable String id) {
        Poller p = properties.pollers().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("poller", id));
        return runner.run(p);
    }
}
