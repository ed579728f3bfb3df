package io.energywatch.local;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;

import java.util.List;
import java.util.Locale;

/**
 * A demo step that reads a service's summary endpoint once the pipeline has drained what the ingest step pushed (the
 * consumer groups the summary depends on have lag 0 and its indices are refreshed), and prints the fields an operator
 * looks at. When the drain wait times out it still prints the summary, but reports the step INCOMPLETE with the lags
 * it saw. One instance per downstream service: fusion's enriched stats, anomaly stats, the drift summary.
 */
final class SummaryStep implements DemoStep {

    private final String name;
    private final String module;
    private final String path;
    private final List<String> fields;
    private final PipelineDrain.Dependencies dependencies;
    private final DemoContext context;

    /**
     * @param fields       the fields printed, in order
     * @param dependencies the consumer groups that must be drained and the aliases refreshed before the read
     */
    SummaryStep(String name, String module, String path, List<String> fields, PipelineDrain.Dependencies dependencies,
                DemoContext context) {
        this.name = name;
        this.module = module;
        this.path = path;
        this.fields = List.copyOf(fields);
        this.dependencies = dependencies;
        this.context = context;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<StepResult> run() {
        return DrainedRead.run(name, module, module, dependencies, context, () -> {
            JsonNode summary = DemoHttp.getJson(context, context.serviceUrl(module).resolve(path));
            var pretty = context.json().rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
            for (String field : fields) {
                JsonNode value = summary.path(field);
                context.out().println(field + ": " + (value.isValueNode() ? value.asString()
                        : pretty.writeValueAsString(value)));
            }
            return DrainedRead.Reading.done(brief(summary));
        });
    }

    /** "fusion: drained after 12.3 s (lag 0: ...)" or "fusion: not drained after 600.0 s (lag: ...)". */
    static String drainLine(String name, PipelineDrain.Result drained) {
        return String.format(Locale.ROOT, "%s: %s after %.1f s (consumer lag: %s)", name,
                drained.drained() ? "drained" : "NOT drained", drained.waited().toMillis() / 1000.0, drained.describe());
    }

    /** The detail of an INCOMPLETE line: the lags at the deadline, then what the summary showed. */
    static String incomplete(PipelineDrain.Result drained, String seen) {
        return String.format(Locale.ROOT, "not drained after %.0f s, lag %s; seen: %s",
                drained.waited().toMillis() / 1000.0, drained.describe(), seen);
    }

    /** The summary's plain values, in the order of {@code fields}: what a reader follows while the step settles. */
    private String brief(JsonNode summary) {
        StringBuilder detail = new StringBuilder();
        for (String field : fields) {
            JsonNode value = summary.path(field);
            if (value.isValueNode() && !value.isNull() && !value.isMissingNode() && detail.length() < 120) {
                detail.append(detail.isEmpty() ? "" : ", ").append(field).append(' ').append(value.asString());
            }
        }
        return detail.toString();
    }
}
