package io.energywatch.local;

import io.energywatch.service.security.Role;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's metrics step: once the pipeline has drained, scrapes every service's {@code /actuator/prometheus} on its
 * own port with a viewer's token (what a Prometheus server does with {@code authorization.credentials_file}) and prints
 * a few domain meters per service: records in and out, the end-to-end event age p95 at each hop, anomalies by
 * severity; then where the endpoints are.
 */
final class MetricsStep implements DemoStep {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One sample of the Prometheus text format. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    private final PipelineDrain.Dependencies dependencies;
    private final DemoContext context;

    /** @param dependencies every pipeline group: the meters are read once the records went all the way through */
    MetricsStep(PipelineDrain.Dependencies dependencies, DemoContext context) {
        this.dependencies = dependencies;
        this.context = context;
    }

    @Override
    public String name() {
        return "metrics";
    }

    @Override
    public List<StepResult> run() {
        var out = context.out();
        PipelineDrain.Result drained = context.drain().await(name(), dependencies);
        out.println(SummaryStep.drainLine(name(), drained));
        String token = context.tokens().mint(Role.VIEWER);
        List<StepResult> results = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (PlatformService service : PlatformService.ALL) {
            URI endpoint = service.url(context.platform()).resolve("/actuator/prometheus");
            var unavailable = context.services().unavailable(service.module());
            if (unavailable.isPresent()) {
                results.add(new StepResult(name(), StepResult.Outcome.SKIPPED, service.module(), unavailable.get()));
                continue;
            }
            try {
                List<Sample> samples = scrape(endpoint, token);
                rows.add(row(service.module(), samples));
                long energywatch = samples.stream().filter(s -> s.name().startsWith("energywatch_")).count();
                results.add(new StepResult(name(), StepResult.Outcome.DONE, service.module(),
                        samples.size() + " samples, " + energywatch + " of energywatch.* meters"));
            } catch (StackException e) {
                results.add(new StepResult(name(), StepResult.Outcome.FAILED, service.module(), e.getMessage()));
            }
        }
        out.println(new TextTable(List.of("SERVICE", "RECORDS IN", "RECORDS OUT", "EVENT AGE p95 (s, last hour)",
                "ANOMALIES BY SEVERITY"), rows).render());
        out.println("Prometheus endpoints (GET with a viewer's token; ./energywatch token --role viewer --subject"
                + " prometheus --ttl 365d makes one for a Prometheus server's authorization.credentials_file):");
        for (PlatformService service : PlatformService.ALL) {
            out.println("  " + service.module() + ": " + service.url(context.platform()).resolve("/actuator/prometheus"));
        }
        return results;
    }

    static List<String> row(String module, List<Sample> samples) {
        return List.of(module, byTopic(samples, "in"), byTopic(samples, "out"), ageP95(samples),
                bySeverity(samples));
    }

    private static String byTopic(List<Sample> samples, String direction) {
        Map<String, Double> counts = new TreeMap<>();
        samples.stream().filter(s -> s.name().equals("energywatch_records_total")
                        && direction.equals(s.labels().get("direction")))
                .forEach(s -> counts.merge(shortTopic(s.labels().getOrDefault("topic", "?")), s.value(), Double::sum));
        return join(counts);
    }

    private static String ageP95(List<Sample> samples) {
        Map<String, String> byHop = new TreeMap<>();
        samples.stream().filter(s -> s.name().equals("energywatch_event_age_seconds")
                        && "0.95".equals(s.labels().get("quantile")))
                .forEach(s -> byHop.put(s.labels().getOrDefault("hop", "?"),
                        String.format(Locale.ROOT, "%.2f", s.value())));
        if (byHop.isEmpty()) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        byHop.forEach((hop, value) -> parts.add(hop + " " + value));
        return String.join(", ", parts);
    }

    private static String bySeverity(List<Sample> samples) {
        Map<String, Double> counts = new TreeMap<>();
        samples.stream().filter(s -> s.name().equals("energywatch_anomalies_total"))
                .forEach(s -> counts.merge(s.labels().getOrDefault("severity", "?"), s.value(), Double::sum));
        return join(counts);
    }

    private static String join(Map<String, Double> counts) {
        if (counts.isEmpty()) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((key, value) -> parts.add(key + " " + String.format(Locale.ROOT, "%,.0f", value)));
        return String.join(", ", parts);
    }

    /** {@code energywatch.consumption.raw.v1} -> {@code consumption.raw}. */
    private static String shortTopic(String topic) {
        String t = topic.startsWith("energywatch.") ? topic.substring("energywatch.".length()) : topic;
        return t.replaceFirst("\\.v\\d+$", "");
    }

    private List<Sample> scrape(URI endpoint, String token) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).GET().build();
        try {
            HttpResponse<String> response = context.http().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new StackException("GET " + endpoint + " answered " + response.statusCode());
            }
            return parse(response.body());
        } catch (IOException e) {
            throw new StackException("GET " + endpoint + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while scraping " + endpoint, e);
        }
    }

    /** The samples of a page in the Prometheus text format; comments and unreadable lines are skipped. */
    static List<Sample> parse(String body) {
        List<Sample> samples = new ArrayList<>();
        for (String line : body.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (line.startsWith("#") || !m.find()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            try {
                samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
            } catch (NumberFormatException e) {
                // +Inf and -Inf (histogram buckets) are not Java numbers; none of the meters shown has them.
            }
        }
        return samples;
    }
}
