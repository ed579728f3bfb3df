package io.energywatch.local;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * After the anomaly and drift summaries: waits until the anomaly service's alert consumers have read every anomaly
 * and drift report (their groups' lag 0) and its outbox has nothing left to send (no PENDING or RETRYING
 * notification), then prints the notifications by channel and status and what the sinks received, and closes the
 * sinks. DONE when at least one webhook call with a valid signature and one e-mail arrived.
 */
final class NotificationsStep implements DemoStep {

    static final String NAME = "notifications";
    private static final String ANOMALY_GROUP = "energywatch.anomaly.notifications.anomaly-group-id";
    private static final String DRIFT_GROUP = "energywatch.anomaly.notifications.drift-group-id";
    /** Longest wait for the outbox to empty once the consumers are drained: a send retried twice (5 s, 10 s) fits. */
    private static final Duration OUTBOX_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration OUTBOX_POLL = Duration.ofSeconds(1);

    private final NotificationSinks sinks;
    private final DemoContext context;

    NotificationsStep(NotificationSinks sinks, DemoContext context) {
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
            sinks.close();
            return List.of(new StepResult(NAME, StepResult.Outcome.SKIPPED, AlertApi.MODULE, unavailable.get()));
        }
        try {
            var groups = alertGroups(context.platform());
            var dependencies = new PipelineDrain.Dependencies(List.of(context.groups().fusion(),
                    context.groups().anomalyDetector(), groups.get(0), groups.get(1)), List.of());
            PipelineDrain.Result drained = context.drain().await(NAME, dependencies);
            context.out().println(SummaryStep.drainLine(NAME, drained));
            var api = new AlertApi(context);
            JsonNode stats = awaitEmptyOutbox(api);
            printStats(stats);
            List<NotificationSinks.WebhookCall> calls = sinks.webhookCalls();
            long verified = calls.stream().filter(NotificationSinks.WebhookCall::signatureValid).count();
            List<String> emails = sinks.emails();
            context.out().println("webhook receiver: " + calls.size() + " call(s), " + verified
                    + " with a valid signature");
            calls.stream().limit(5).forEach(c -> context.out().println("  " + describe(c.body())));
            context.out().println("SMTP sink: " + emails.size() + " e-mail(s)");
            emails.stream().limit(5).forEach(line -> context.out().println("  " + line));
            long awaiting = awaiting(stats);
            String detail = String.format(Locale.ROOT, "%d webhook call(s) (%d signed correctly), %d e-mail(s); "
                    + "outbox: %d sent, %d suppressed by throttle, %d dead, %d awaiting", calls.size(), verified,
                    emails.size(), stats.path("byStatus").path("SENT").asLong(),
                    stats.path("byStatus").path("SUPPRESSED").asLong(), stats.path("byStatus").path("DEAD").asLong(),
                    awaiting);
            if (!drained.drained() || awaiting > 0) {
                return List.of(new StepResult(NAME, StepResult.Outcome.INCOMPLETE, AlertApi.MODULE,
                        drained.drained() ? detail : SummaryStep.incomplete(drained, detail)));
            }
            boolean arrived = verified > 0 && !emails.isEmpty();
            return List.of(new StepResult(NAME, arrived ? StepResult.Outcome.DONE : StepResult.Outcome.FAILED,
                    AlertApi.MODULE, arrived ? detail : "no signed webhook call or no e-mail arrived: " + detail));
        } catch (StackException e) {
            return List.of(new StepResult(NAME, StepResult.Outcome.FAILED, AlertApi.MODULE, e.getMessage()));
        } finally {
            sinks.close();
        }
    }

    /** Polls the outbox statistics until no notification waits for delivery, or the timeout. */
    private JsonNode awaitEmptyOutbox(AlertApi api) {
        long deadline = System.nanoTime() + OUTBOX_TIMEOUT.toNanos();
        JsonNode stats = api.get(AlertApi.NOTIFICATIONS + "/stats");
        while (awaiting(stats) > 0 && System.nanoTime() < deadline) {
            Pause.of(OUTBOX_POLL);
            stats = api.get(AlertApi.NOTIFICATIONS + "/stats");
        }
        return stats;
    }

    private static long awaiting(JsonNode stats) {
        return stats.path("byStatus").path("PENDING").asLong() + stats.path("byStatus").path("RETRYING").asLong();
    }

    private void printStats(JsonNode stats) {
        List<String> statuses = List.of("SENT", "PENDING", "RETRYING", "DEAD", "SUPPRESSED");
        List<String> headers = new ArrayList<>(List.of("CHANNEL"));
        headers.addAll(statuses);
        List<List<String>> rows = new ArrayList<>();
        for (var channel : stats.path("byChannel").properties()) {
            List<String> row = new ArrayList<>(List.of(channel.getKey()));
            statuses.forEach(s -> row.add(Long.toString(channel.getValue().path(s).asLong())));
            rows.add(row);
        }
        context.out().println("notifications by channel and status (all runs):");
        context.out().println(new TextTable(headers, rows).render());
    }

    /** "ANOMALY demo: high anomalies: [EnergyWatch] HIGH SPIKE on ..." from a webhook body. */
    private String describe(String body) {
        try {
            JsonNode json = context.json().readTree(body);
            return json.path("kind").asString() + " " + json.path("ruleName").asString() + ": "
                    + json.path("subject").asString();
        } catch (RuntimeException e) {
            return "unreadable body (" + body.length() + " bytes)";
        }
    }

    /** The alert consumers' groups, from anomaly-service's application.yml in the checkout, like the other groups. */
    static List<String> alertGroups(PlatformConfig platform) {
        Path root = Path.of(platform.source()).toAbsolutePath().normalize();
        for (int i = 0; i < Path.of(PlatformConfig.LOCATION).getNameCount(); i++) {
            root = root.getParent();
        }
        Path file = root.resolve(AlertApi.MODULE).resolve("src/main/resources/application.yml");
        Map<String, String> values;
        try {
            values = SimpleYaml.flatten(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new StackException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<String> groups = new ArrayList<>();
        for (String key : List.of(ANOMALY_GROUP, DRIFT_GROUP)) {
            String group = values.get(key);
            if (group == null || group.isBlank() || group.contains("${")) {
                throw new StackException(key + " in " + file + " is '" + group + "': the demo needs a plain name");
            }
            groups.add(group);
        }
        return groups;
    }
}
