package io.energywatch.local;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's forests step: nobody asked for a model, yet once the anomaly detector has drained the enriched stream
 * every detection group with enough history has Isolation Forests the service trained in stream time. Prints, per
 * group, the versions trained, the champion with its training window and rows, and the precision operators' verdicts
 * give it.
 */
final class ForestsStep implements DemoStep {

    private static final String MODULE = "anomaly-service";

    private final PipelineDrain.Dependencies dependencies;
    private final DemoContext context;

    ForestsStep(PipelineDrain.Dependencies dependencies, DemoContext context) {
        this.dependencies = dependencies;
        this.context = context;
    }

    @Override
    public String name() {
        return "forests";
    }

    @Override
    public List<StepResult> run() {
        return DrainedRead.run(name(), MODULE, MODULE, dependencies, context, () -> DrainedRead.Reading.done(
                print(DemoHttp.getJson(context, context.serviceUrl(MODULE).resolve("/api/v1/anomalies/models")))));
    }

    /** The table of groups; returns the step's one-line detail. */
    String print(JsonNode models) {
        Map<String, List<JsonNode>> byGroup = new LinkedHashMap<>();
        for (JsonNode model : models) {
            byGroup.computeIfAbsent(model.path("group").asString(), g -> new ArrayList<>()).add(model);
        }
        if (byGroup.isEmpty()) {
            context.out().println("No forest trained yet: a group needs 14 days of scored rows (models.min-history)");
            return "no forest trained yet";
        }
        List<List<String>> rows = new ArrayList<>();
        int versions = 0;
        for (var entry : byGroup.entrySet()) {
            List<JsonNode> group = entry.getValue();
            versions += group.size();
            JsonNode champion = group.stream().filter(m -> m.path("champion").asBoolean()).findFirst()
                    .orElse(group.getFirst());
            JsonNode feedback = champion.path("feedback");
            String precision = feedback.path("precision").isNumber()
                    ? String.format(Locale.ROOT, "%.2f (%d/%d)", feedback.path("precision").asDouble(),
                    feedback.path("confirmed").asLong(), feedback.path("confirmed").asLong()
                            + feedback.path("falsePositives").asLong())
                    : "no verdicts yet";
            rows.add(List.of(entry.getKey(), Integer.toString(group.size()),
                    "v" + champion.path("version").asString() + " (" + champion.path("trigger").asString() + ")",
                    day(champion.path("trainingFrom")) + ".." + day(champion.path("trainingTo")),
                    Long.toString(champion.path("trainingRows").asLong()),
                    String.format(Locale.ROOT, "%.4f", champion.path("contamination").asDouble()), precision));
        }
        context.out().println("Isolation Forests the anomaly service trained by itself (stream time)");
        context.out().println(new TextTable(List.of("GROUP", "VERSIONS", "CHAMPION", "TRAINING WINDOW", "ROWS",
                "CONTAMINATION", "FEEDBACK PRECISION"), rows).render());
        return byGroup.size() + " groups, " + versions + " versions";
    }

    private static String day(JsonNode instant) {
        String text = instant.asString();
        return text.length() >= 10 ? text.substring(0, 10) : text;
    }
}
