package io.energywatch.gateway.kpi;

import io.energywatch.contracts.DriftStatus;
import io.energywatch.contracts.Severity;
import io.energywatch.gateway.config.GatewayProperties;
import io.energywatch.gateway.upstream.ServiceCalls;
import io.energywatch.gateway.upstream.ServiceCalls.Answer;
import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;
import io.energywatch.service.web.TimeWindow;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * Builds {@link Kpi} from the services' own statistics, read with the caller's token: fusion's stats and daily
 * aggregates (consumption), the anomaly stats, prediction's realised accuracy and drift's summary. The window is passed
 * through to every stats endpoint that takes one; a service that fails leaves its section unavailable.
 */
@Component
class KpiReader {

    static final String FUSION = "fusion-service";
    static final String ANOMALY = "anomaly-service";
    static final String PREDICTION = "prediction-service";
    static final String DRIFT = "drift-service";
    private static final Set<String> INTERVALS = Set.of("day", "week", "month");

    private final ServiceCalls calls;
    private final GatewayProperties.Kpi settings;
    private final ZoneId zone;
    private final Clock clock;

    KpiReader(ServiceCalls calls, GatewayProperties gateway, Clock clock) {
        this.calls = calls;
        this.settings = gateway.kpi();
        this.zone = ZoneId.of(settings.zone());
        this.clock = clock;
    }

    Kpi read(@Nullable String from, @Nullable String to, @Nullable Integer hours, @Nullable String interval,
             @Nullable String authorization) {
        TimeWindow.requireExclusive(from, to, hours, null);
        @Nullable LocalDate fromDay = day("from", from, false);
        @Nullable LocalDate toDay = day("to", to, true);
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            throw ProblemException.badRequest("invalid-request", "from is after to",
                    List.of(ProblemError.field("from", from, "must not be after to (" + to + ")")));
        }
        String step = interval == null || interval.isBlank() ? settings.interval() : interval;
        if (!INTERVALS.contains(step)) {
            throw ProblemException.badRequest("invalid-request", "interval must be day, week or month",
                    List.of(ProblemError.field("interval", interval, "must be day, week or month")));
        }
        String window = query(Map.of("from", nullable(from), "to", nullable(to),
                "hours", hours == null ? "" : hours.toString()));

        // Forecast accuracy is per target day: from/to as days, or the same hours= (the service resolves it).
        String accuracyWindow = hours != null ? "?hours=" + hours : query(Map.of(
                "from", fromDay == null ? "" : fromDay.toString(), "to", toDay == null ? "" : toDay.toString()));
        List<Answer> stats = calls.all(List.<Callable<Answer>>of(
                () -> calls.get(FUSION, "/api/v1/enriched/stats" + window, authorization),
                () -> calls.get(ANOMALY, "/api/v1/anomalies/stats" + window, authorization),
                () -> calls.get(DRIFT, "/api/v1/drift/summary" + window, authorization),
                () -> calls.get(PREDICTION, "/api/v1/forecasts/accuracy" + accuracyWindow, authorization)));
        Kpi.Section<Kpi.Consumption> consumption = consumption(stats.get(0), fromDay, toDay, hours != null, step,
                authorization);
        return new Kpi(new Kpi.Window(from, to, hours), clock.instant(), consumption, anomalies(stats.get(1)),
                accuracy(stats.get(3)), drift(stats.get(2)));
    }

    private Kpi.Section<Kpi.Consumption> consumption(Answer stats, @Nullable LocalDate fromDay,
                                                     @Nullable LocalDate toDay, boolean byHours, String step,
                                                     @Nullable String authorization) {
        if (!stats.ok()) {
            return Kpi.Section.unavailable(FUSION, stats.failure());
        }
        JsonNode body = stats.body();
        LocalDate to = toDay;
        LocalDate from = fromDay;
        if (byHours) {
            from = instantDay(body.at("/window/from"), false);
            to = instantDay(body.at("/window/to"), true);
        }
        if (to == null) {
            to = from != null ? from.plusDays(settings.defaultDays() - 1L) : latestDay(body);
        }
        if (from == null) {
            from = to.minusDays(settings.defaultDays() - 1L);
        }
        List<String> regions = new ArrayList<>();
        body.path("byRegion").properties().forEach(e -> regions.add(e.getKey()));
        regions.sort(Comparator.comparing((String r) -> !r.equals("FR")).thenComparing(r -> r));
        String detail = null;
        if (regions.size() > settings.maxRegions()) {
            detail = "only the first " + settings.maxRegions() + " of " + regions.size() + " regions "
                    + "(energywatch.gateway.kpi.max-regions)";
            regions.subList(settings.maxRegions(), regions.size()).clear();
        }
        String range = "&from=" + from + "&to=" + to + "&interval=" + step;
        List<Answer> aggregates = calls.all(regions.stream().<Callable<Answer>>map(region -> () -> calls.get(FUSION,
                "/api/v1/enriched/aggregates?region=" + encode(region) + range, authorization)).toList());

        List<Kpi.RegionConsumption> byRegion = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            Answer answer = aggregates.get(i);
            if (!answer.ok()) {
                failed.add(regions.get(i) + " (" + answer.failure() + ")");
                continue;
            }
            byRegion.addAll(representatives(regions.get(i), answer.body().path("series")));
        }
        if (!failed.isEmpty()) {
            detail = (detail == null ? "" : detail + "; ") + "aggregates missing for " + String.join(", ", failed);
        }
        return Kpi.Section.available(FUSION, new Kpi.Consumption(from, to, step, body.path("enrichedRecords").asLong(),
                byCarrier(byRegion), byRegion), detail);
    }

    /** Per carrier, the region's series with the most values: sources measuring the same thing are not added up. */
    private static List<Kpi.RegionConsumption> representatives(String region, JsonNode series) {
        record Candidate(String carrier, long valued, Kpi.RegionConsumption consumption) {
        }
        Map<String, Candidate> best = new LinkedHashMap<>();
        for (JsonNode s : series) {
            String id = s.path("seriesId").asString();
            String carrier = id.contains(":") ? id.substring(0, id.indexOf(':')) : id;
            long valued = 0;
            Double energy = null;
            Double peak = null;
            String peakPeriod = null;
            List<Kpi.Period> periods = new ArrayList<>();
            for (JsonNode b : s.path("buckets")) {
                valued += b.path("valuedRecords").asLong();
                Double e = number(b.path("energyMwhSum"));
                Double p = number(b.path("powerMwMax"));
                if (e != null) {
                    energy = energy == null ? e : energy + e;
                }
                if (p != null && (peak == null || p > peak)) {
                    peak = p;
                    peakPeriod = b.path("start").asString();
                }
                periods.add(new Kpi.Period(b.path("start").asString(), e, p));
            }
            Candidate candidate = new Candidate(carrier, valued,
                    new Kpi.RegionConsumption(region, carrier, id, energy, peak, peakPeriod, periods));
            best.merge(carrier, candidate, (a, b) -> b.valued() > a.valued() ? b : a);
        }
        return best.values().stream().map(Candidate::consumption).toList();
    }

    private static List<Kpi.CarrierConsumption> byCarrier(List<Kpi.RegionConsumption> regions) {
        Map<String, List<Kpi.RegionConsumption>> carriers = regions.stream()
                .collect(Collectors.groupingBy(Kpi.RegionConsumption::carrier, LinkedHashMap::new,
                        Collectors.toList()));
        List<Kpi.CarrierConsumption> result = new ArrayList<>();
        carriers.forEach((carrier, list) -> {
            var national = list.stream().filter(r -> r.region().equals("FR")).findFirst();
            if (national.isPresent()) {
                var n = national.get();
                result.add(new Kpi.CarrierConsumption(carrier, "national", n.energyMwh(), n.peakMw(), n.peakPeriod()));
                return;
            }
            Double energy = list.stream().map(Kpi.RegionConsumption::energyMwh).filter(e -> e != null)
                    .reduce(Double::sum).orElse(null);
            var peak = list.stream().filter(r -> r.peakMw() != null)
                    .max(Comparator.comparingDouble(Kpi.RegionConsumption::peakMw));
            result.add(new Kpi.CarrierConsumption(carrier, "regions", energy,
                    peak.map(Kpi.RegionConsumption::peakMw).orElse(null),
                    peak.map(Kpi.RegionConsumption::peakPeriod).orElse(null)));
        });
        return result;
    }

    private static Kpi.Section<Kpi.Anomalies> anomalies(Answer answer) {
        if (!answer.ok()) {
            return Kpi.Section.unavailable(ANOMALY, answer.failure());
        }
        JsonNode body = answer.body();
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        Arrays.stream(Severity.values()).sorted(Comparator.reverseOrder())
                .forEach(s -> bySeverity.put(s.name(), body.path("bySeverity").path(s.name()).asLong(0)));
        Map<String, Long> byStatus = new LinkedHashMap<>();
        body.path("byStatus").properties().forEach(e -> byStatus.put(e.getKey(), e.getValue().asLong()));
        return Kpi.Section.available(ANOMALY, new Kpi.Anomalies(body.path("total").asLong(), bySeverity, byStatus,
                number(body.path("costImpactEur"))), null);
    }

    private static Kpi.Section<Kpi.ForecastAccuracy> accuracy(Answer answer) {
        if (!answer.ok()) {
            return Kpi.Section.unavailable(PREDICTION, answer.failure());
        }
        List<Kpi.AccuracyGroup> groups = new ArrayList<>();
        double weighted = 0;
        long counted = 0;
        for (JsonNode g : answer.body().path("groups")) {
            Double mape = number(g.path("mapePercent"));
            long count = g.path("count").asLong();
            if (mape != null) {
                weighted += mape * count;
                counted += count;
            }
            groups.add(new Kpi.AccuracyGroup(text(g.path("series")), text(g.path("algorithm")),
                    g.path("horizonDays").isNumber() ? g.path("horizonDays").asInt() : null, count, mape,
                    number(g.path("maeMwh")), number(g.path("coverage95Percent"))));
        }
        return Kpi.Section.available(PREDICTION, new Kpi.ForecastAccuracy(answer.body().path("records").asLong(),
                counted == 0 ? null : weighted / counted, groups), null);
    }

    private static Kpi.Section<Kpi.Drift> drift(Answer answer) {
        if (!answer.ok()) {
            return Kpi.Section.unavailable(DRIFT, answer.failure());
        }
        JsonNode body = answer.body();
        List<Kpi.ModelDrift> models = new ArrayList<>();
        DriftStatus worst = null;
        for (JsonNode m : body.path("models")) {
            String status = m.path("overallStatus").asString("");
            DriftStatus known = Arrays.stream(DriftStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                    .orElse(null);
            if (known != null && (worst == null || known.compareTo(worst) > 0)) {
                worst = known;
            }
            List<String> features = new ArrayList<>();
            m.path("drifted").forEach(f -> features.add(f.path("feature").asString()));
            String created = text(m.path("createdAt"));
            models.add(new Kpi.ModelDrift(m.path("modelId").asString(), text(m.path("modelVersion")), status,
                    created == null ? null : Instant.parse(created), features));
        }
        Map<String, Long> byStatus = new LinkedHashMap<>();
        body.path("reportsByStatus").properties().forEach(e -> byStatus.put(e.getKey(), e.getValue().asLong()));
        return Kpi.Section.available(DRIFT, new Kpi.Drift(worst == null ? null : worst.name(),
                body.path("totalReports").asLong(), byStatus, models), null);
    }

    private LocalDate latestDay(JsonNode stats) {
        String day = text(stats.at("/latest/localDate"));
        if (day != null) {
            return LocalDate.parse(day);
        }
        String start = text(stats.at("/latest/intervalStart"));
        return start != null ? LocalDate.ofInstant(Instant.parse(start), zone) : LocalDate.now(clock.withZone(zone));
    }

    /** A local date, or the local day of an instant ({@code to} instants are exclusive: the day before them). */
    private @Nullable LocalDate day(String name, @Nullable String value, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value);
        } catch (DateTimeParseException notADate) {
            try {
                Instant instant = Instant.parse(value);
                day = LocalDate.ofInstant(end ? instant.minusNanos(1) : instant, zone);
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest("invalid-request", name + " is neither a date nor an instant",
                        List.of(ProblemError.field(name, value, "must be an ISO-8601 instant or local date")));
            }
        }
        if (!TimeWindow.storableYear(day.getYear())) {
            // Refused here, like every service refuses it, rather than as a page of unavailable sections.
            throw ProblemException.badRequest("invalid-request", name + " is outside the years 0001 to 9999",
                    List.of(ProblemError.field(name, value, TimeWindow.STORABLE_YEARS)));
        }
        return day;
    }

    private @Nullable LocalDate instantDay(JsonNode node, boolean end) {
        String value = text(node);
        if (value == null) {
            return null;
        }
        Instant instant = Instant.parse(value);
        return LocalDate.ofInstant(end ? instant.minusNanos(1) : instant, zone);
    }

    private static String query(Map<String, String> parameters) {
        String joined = parameters.entrySet().stream().filter(e -> !e.getValue().isBlank())
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return joined.isEmpty() ? "" : "?" + joined;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String nullable(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static @Nullable Double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }

    private static @Nullable String text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }
}
