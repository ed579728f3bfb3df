package io.energywatch.local;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The integrators' view at the end of the demo, through the gateway: {@code GET /api/v1/system} (each service's health
 * and version, each store, each topic's records and each consumer group's lag) and {@code GET /api/v1/kpi}
 * (consumption per carrier, anomalies by severity, forecast accuracy, drift). INCOMPLETE when something is not UP or a
 * KPI section is unavailable, naming it.
 */
final class PlatformStep implements DemoStep {

    static final String NAME = "platform";
    private static final String MODULE = "gateway";
    private static final List<String> SECTIONS = List.of("consumption", "anomalies", "forecastAccuracy", "drift");

    private final PipelineDrain.Dependencies dependencies;
    private final DemoContext context;

    PlatformStep(PipelineDrain.Dependencies dependencies, DemoContext context) {
        this.dependencies = dependencies;
        this.context = context;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<StepResult> run() {
        return DrainedRead.run(NAME, MODULE, MODULE, dependencies, context, () -> {
            JsonNode system = DemoHttp.getJson(context, context.serviceUrl(MODULE).resolve("/api/v1/system"));
            printSystem(system);
            JsonNode kpi = DemoHttp.getJson(context, context.serviceUrl(MODULE).resolve("/api/v1/kpi"));
            printKpi(kpi);

            List<String> problems = new ArrayList<>();
            system.path("services").forEach(s -> {
                if (!"UP".equals(s.path("status").asString())) {
                    problems.add(s.path("name").asString() + " " + s.path("status").asString());
                }
            });
            system.path("stores").forEach(s -> {
                if (!"UP".equals(s.path("status").asString())) {
                    problems.add(s.path("name").asString() + " " + s.path("status").asString());
                }
            });
            if (!"UP".equals(system.at("/kafka/status").asString())) {
                problems.add("kafka " + system.at("/kafka/detail").asString());
            }
            for (String section : SECTIONS) {
                if (!"available".equals(kpi.path(section).path("status").asString())) {
                    problems.add("kpi " + section + ": " + kpi.path(section).path("detail").asString());
                }
            }
            long lag = 0;
            for (JsonNode group : system.at("/kafka/consumerGroups")) {
                lag += group.path("lag").asLong();
            }
            String detail = String.format(Locale.ROOT, "system %s, %d services, %d consumer groups (lag %d), "
                            + "%d anomalies", system.path("status").asString(), system.path("services").size(),
                    system.at("/kafka/consumerGroups").size(), lag, kpi.at("/anomalies/data/total").asLong());
            return problems.isEmpty() ? DrainedRead.Reading.done(detail)
                    : DrainedRead.Reading.incomplete(String.join("; ", problems), detail);
        });
    }

    private void printSystem(JsonNode system) {
        var out = context.out();
        out.println("GET /api/v1/system: " + system.path("status").asString());
        List<List<String>> services = new ArrayList<>();
        system.path("services").forEach(s -> services.add(List.of(s.path("name").asString(),
                s.path("status").asString(), s.path("version").asString(""), s.path("responseMs").asString(""),
                s.path("detail").asString(""))));
        out.println(new TextTable(List.of("SERVICE", "STATUS", "VERSION", "MS", "DETAIL"), services).render());
        List<List<String>> stores = new ArrayList<>();
        system.path("stores").forEach(s -> {
            List<String> reporters = new ArrayList<>();
            s.path("reportedBy").forEach(r -> reporters.add(r.path("service").asString()));
            stores.add(List.of(s.path("name").asString(), s.path("status").asString(), String.join(", ", reporters)));
        });
        out.println(new TextTable(List.of("STORE", "STATUS", "REPORTED BY"), stores).render());
        List<List<String>> groups = new ArrayList<>();
        system.at("/kafka/consumerGroups").forEach(g -> groups.add(List.of(g.path("groupId").asString(),
                g.path("state").asString(), g.path("lag").asString())));
        out.println(new TextTable(List.of("CONSUMER GROUP", "STATE", "LAG"), groups).render());
        List<List<String>> topics = new ArrayList<>();
        system.at("/kafka/topics").forEach(t -> topics.add(List.of(t.path("name").asString(),
                t.path("exists").asBoolean() ? t.path("partitions").asString() : "missing",
                t.path("records").asString())));
        out.println(new TextTable(List.of("TOPIC", "PARTITIONS", "RECORDS"), topics).render());
    }

    private void printKpi(JsonNode kpi) {
        var out = context.out();
        JsonNode consumption = kpi.path("consumption");
        out.println("GET /api/v1/kpi: consumption " + consumption.at("/data/from").asString("?") + " to "
                + consumption.at("/data/to").asString("?") + " per " + consumption.at("/data/interval").asString("?"));
        List<List<String>> carriers = new ArrayList<>();
        consumption.at("/data/byCarrier").forEach(c -> carriers.add(List.of(c.path("carrier").asString(),
                c.path("basis").asString(), number(c.path("energyMwh")), number(c.path("peakMw")),
                c.path("peakPeriod").asString(""))));
        out.println(new TextTable(List.of("CARRIER", "BASIS", "ENERGY MWH", "PEAK MW", "PEAK PERIOD"), carriers)
                .render());
        List<List<String>> sections = new ArrayList<>();
        sections.add(List.of("anomalies", kpi.at("/anomalies/status").asString(),
                kpi.at("/anomalies/data/bySeverity").toString()));
        sections.add(List.of("forecast accuracy", kpi.at("/forecastAccuracy/status").asString(),
                "MAPE " + number(kpi.at("/forecastAccuracy/data/mapePercent")) + " % over "
                        + kpi.at("/forecastAccuracy/data/groups").size() + " group(s)"));
        sections.add(List.of("drift", kpi.at("/drift/status").asString(),
                "status " + kpi.at("/drift/data/status").asString("none yet") + ", "
                        + kpi.at("/drift/data/totalReports").asLong() + " report(s)"));
        out.println(new TextTable(List.of("SECTION", "STATUS", "FIGURES"), sections).render());
    }

    private static String number(JsonNode node) {
        return node.isNumber() ? String.format(Locale.ROOT, "%.1f", node.asDouble()) : "-";
    }
}
