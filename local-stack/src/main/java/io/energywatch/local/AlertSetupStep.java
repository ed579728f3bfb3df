package io.energywatch.local;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Before the ingest: starts the notification sinks and creates, through the anomaly service's API, the demo's two
 * alert rules: anomalies of severity HIGH or worse, and drift reports at MODERATE or worse, each to the webhook
 * receiver and an e-mail address. Rules of an earlier demo run (named {@code demo: ...}) are replaced.
 */
final class AlertSetupStep implements DemoStep {

    static final String NAME = "alerts";
    static final String RULE_PREFIX = "demo: ";
    static final String OPERATIONS = "operations@energywatch.local";
    static final String DATA_SCIENCE = "data-science@energywatch.local";

    private final NotificationSinks sinks;
    private final DemoContext context;

    AlertSetupStep(NotificationSinks sinks, DemoContext context) {
        this.sinks = sinks;
        this.context = context;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<StepResult> run() {
        var unavailable = context.services().unavailable(AlertApi.MODULE);
        if (unavailable.isPresent()) {
            return List.of(new StepResult(NAME, StepResult.Outcome.SKIPPED, AlertApi.MODULE, unavailable.get()));
        }
        try {
            sinks.start();
            context.out().println("webhook receiver: " + sinks.webhookUrl() + " (checks X-EnergyWatch-Signature)");
            context.out().println("SMTP sink: " + context.platform().host() + ":" + context.platform().port("smtp"));
            var api = new AlertApi(context);
            List<String> replaced = new ArrayList<>();
            for (JsonNode rule : api.get(AlertApi.RULES + "?size=1000").path("content")) {
                if (rule.path("name").asString().startsWith(RULE_PREFIX)) {
                    api.delete(AlertApi.RULES + "/" + rule.path("id").asString());
                    replaced.add(rule.path("name").asString());
                }
            }
            String webhook = """
                    "webhooks": [{"url": "%s", "secretRef": "%s"}]""".formatted(sinks.webhookUrl(),
                    NotificationSinks.SECRET_REF);
            JsonNode anomalies = api.post(AlertApi.RULES, """
                    {"name": "%shigh anomalies", "minSeverity": "HIGH", %s, "emails": ["%s"]}"""
                    .formatted(RULE_PREFIX, webhook, OPERATIONS));
            JsonNode drift = api.post(AlertApi.RULES, """
                    {"name": "%smodel drift", "kind": "DRIFT", %s, "emails": ["%s"]}"""
                    .formatted(RULE_PREFIX, webhook, DATA_SCIENCE));
            for (JsonNode rule : List.of(anomalies, drift)) {
                context.out().println("rule " + rule.path("id").asString() + ": " + rule.path("name").asString()
                        + " (" + rule.path("kind").asString() + ", throttle " + rule.path("throttle").asString()
                        + " per series)");
            }
            return List.of(new StepResult(NAME, StepResult.Outcome.DONE, AlertApi.MODULE,
                    "2 rules created" + (replaced.isEmpty() ? "" : ", " + replaced.size() + " of a previous run"
                            + " replaced") + "; sinks on ports " + context.platform().port("webhook-sink") + " and "
                            + context.platform().port("smtp")));
        } catch (StackException e) {
            sinks.close();
            return List.of(new StepResult(NAME, StepResult.Outcome.FAILED, AlertApi.MODULE, e.getMessage()));
        }
    }
}
