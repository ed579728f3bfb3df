package io.energywatch.gateway.console;

import io.energywatch.contracts.AnomalyDetected;
import io.energywatch.contracts.AnomalyType;
import io.energywatch.contracts.Severity;
import io.energywatch.contracts.Topics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The five services as the console meets them through the gateway, played by one local HTTP server answering the
 * shapes of docs/openapi (only the fields the console and the gateway's KPI read). An upload to ingestion plays the
 * pipeline: the anomaly it finds is stored (for the list, the statistics and its page) and published on the real
 * anomalies topic, which the gateway's feed consumes.
 */
final class ConsoleStandIns implements AutoCloseable {

    static final String SERIES = "electricity:FR:odre:PT30M";
    static final String BIG_SERIES = "electricity:IDF:odre:PT30M";
    static final int BIG_POINTS = 50_000;
    private static final Instant SERIES_END = Instant.parse("2024-06-30T22:00:00Z");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** The last complete Paris day of the series (SERIES_END starts 1 July in Paris): forecasts are issued from it. */
    static final LocalDate LAST_BASE_DAY = LocalDate.of(2024, 6, 30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The anomalies the anomaly service holds, newest first, as documents (status included). */
    final List<Map<String, Object>> stored = new CopyOnWriteArrayList<>();
    /** Verdicts received, as "id VERDICT". */
    final List<String> feedback = new CopyOnWriteArrayList<>();
    /** When each anomaly an upload found was published on the topic (epoch ms by anomaly id). */
    final Map<String, Long> publishedAt = new ConcurrentHashMap<>();

    private final HttpServer server;
    private final KafkaProducer<String, String> producer;
    private final AtomicInteger jobs = new AtomicInteger();

    ConsoleStandIns(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producer = new KafkaProducer<>(config);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        producer.close(Duration.ofSeconds(5));
    }

    /** Fills the store with n anomalies of the big series (the 1,000-anomaly feed of the performance test). */
    void storeMany(int n) {
        stored.clear();
        for (int i = 0; i < n; i++) {
            Instant start = SERIES_END.minus(Duration.ofMinutes(30L * (i * 47 + 3)));
            stored.add(document(anomaly("perf-" + i, BIG_SERIES, start, i % 10 == 0 ? Severity.HIGH : Severity.MEDIUM,
                    power(BIG_POINTS - 1 - (i * 47 + 3)) * 1.4)));
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            Object answer;
            int status = 200;
            if (path.equals("/api/v1/series")) {
                answer = page(List.of(Map.of("id", SERIES, "region", "FR"), Map.of("id", BIG_SERIES, "region", "11")),
                        0, 50);
            } else if (path.equals("/api/v1/enriched")) {
                answer = enriched(q);
            } else if (path.equals("/api/v1/enriched/view")) {
                answer = view(q);
            } else if (path.equals("/api/v1/enriched/stats")) {
                answer = Map.of("enrichedRecords", BIG_POINTS + 336, "byRegion", Map.of("FR", 336, "11", BIG_POINTS),
                        "latest", Map.of("localDate", "2024-06-30"));
            } else if (path.equals("/api/v1/enriched/aggregates")) {
                answer = aggregates(q.get("region"));
            } else if (path.equals("/api/v1/anomalies/stats")) {
                answer = stats();
            } else if (path.equals("/api/v1/anomalies/detect")) {
                answer = detect(new String(body, StandardCharsets.UTF_8));
            } else if (path.equals("/api/v1/anomalies")) {
                answer = anomalies(q);
            } else if (path.startsWith("/api/v1/anomalies/")) {
                String[] parts = path.substring("/api/v1/anomalies/".length()).split("/");
                Map<String, Object> doc = stored.stream().filter(d -> d.get("anomalyId").equals(parts[0])).findFirst()
                        .orElse(null);
                if (doc == null) {
                    status = 404;
                    answer = Map.of("title", "Not Found", "status", 404, "detail", "no anomaly " + parts[0]);
                } else if (method.equals("POST") && parts.length == 2 && parts[1].equals("feedback")) {
                    String verdict = JSON.readTree(body).path("verdict").asString();
                    feedback.add(parts[0] + " " + verdict);
                    doc.put("status", verdict);
                    answer = doc;
                } else if (method.equals("POST") && parts.length == 2 && parts[1].equals("acknowledgement")) {
                    doc.put("status", "ACKNOWLEDGED");
                    answer = doc;
                } else {
                    answer = doc;
                }
            } else if (path.equals("/api/v1/ingestions") && method.equals("POST")) {
                answer = ingest(q, body);
                status = 202;
            } else if (path.startsWith("/api/v1/ingestions/")) {
                answer = job(path.substring("/api/v1/ingestions/".length()), "SUCCEEDED", 100);
            } else if (path.equals("/api/v1/forecasts/accuracy")) {
                answer = Map.of("records", 120, "groups", List.of(
                        Map.of("series", SERIES, "algorithm", "gbt", "horizonDays", 1, "count", 60,
                                "mapePercent", 2.8, "maeMwh", 38_400, "coverage95Percent", 93.3),
                        Map.of("series", SERIES, "algorithm", "seasonal-naive", "horizonDays", 1, "count", 60,
                                "mapePercent", 6.1, "maeMwh", 81_000, "coverage95Percent", 90.0)));
            } else if (path.equals("/api/v1/forecasts/issued/days")) {
                answer = forecastDays(q);
            } else if (path.equals("/api/v1/forecasts/issued/latest")) {
                answer = forecast();
            } else if (path.equals("/api/v1/drift/summary")) {
                answer = Map.of("models", List.of(Map.of("modelId", "anomaly-iforest", "modelVersion", "3",
                        "overallStatus", "MODERATE", "createdAt", "2024-06-30T04:00:00Z",
                        "drifted", List.of(Map.of("feature", "tempMeanC")))), "reportsByStatus", Map.of("MODERATE", 1));
            } else if (path.equals("/api/v1/drift/reports")) {
                answer = page(List.of(Map.of("id", "drift-1", "modelId", "anomaly-iforest", "modelVersion", "3",
                        "overallStatus", "MODERATE", "createdAt", "2024-06-30T04:00:00Z", "scope", "FR",
                        "trigger", "SCHEDULED", "recommendedActions", List.of(
                                Map.of("action", "RETRAIN", "target", "anomaly-iforest",
                                        "reason", "tempMeanC drifted (PSI 0.23 over 0.2)"),
                                Map.of("action", "WATCH", "target", "humidityPercent",
                                        "reason", "PSI 0.12, under the retraining threshold")))), 0, 20);
            } else if (path.equals("/api/v1/carbon/report")) {
                answer = Map.of("totals", Map.of("co2Grams", 41.7, "energyKwh", 0.782, "runs", 128, "rows", 1_250_000));
            } else {
                status = 404;
                answer = Map.of("title", "Not Found", "status", 404, "detail", "stand-in has no " + path);
            }
            byte[] bytes = JSON.writeValueAsBytes(answer);
            exchange.getResponseHeaders().add("Content-Type",
                    status >= 400 ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    private static Map<String, Object> page(List<?> all, int page, int size) {
        int from = Math.min(all.size(), page * size);
        return Map.of("content", all.subList(from, Math.min(all.size(), from + size)), "page", page, "size", size,
                "totalElements", all.size());
    }

    /** A day-shaped load curve around 50 GW (index 0 is the oldest point). */
    private static double power(int index) {
        double hour = (index % 48) / 2.0;
        return 50_000 + 9_000 * Math.sin((hour - 9) / 24 * 2 * Math.PI) + 2_000 * Math.sin(index / 3_000.0);
    }

    private static Map<String, Object> enriched(Map<String, String> q) {
        boolean big = BIG_SERIES.equals(q.get("series"));
        int points = big ? BIG_POINTS : 336;
        if (q.containsKey("hours")) {
            points = Math.min(points, Integer.parseInt(q.get("hours")) * 2);
        }
        if (q.containsKey("from")) {
            points = 200;
        }
        int size = Integer.parseInt(q.getOrDefault("size", "50"));
        int page = Integer.parseInt(q.getOrDefault("page", "0"));
        int total = big ? BIG_POINTS : 336;
        List<Map<String, Object>> content = new ArrayList<>();
        for (int i = page * size; i < Math.min(points, (page + 1) * size); i++) {
            content.add(record(big, total - points + i, total));
        }
        return Map.of("content", content, "page", page, "size", size, "totalElements", points);
    }

    /** The record at index (0 is the oldest) of a series of total half-hours ending at SERIES_END. */
    private static Map<String, Object> record(boolean big, int index, int total) {
        Instant start = SERIES_END.minus(Duration.ofMinutes(30L * (total - 1 - index)));
        int day = index / 48;
        // A strike every 30 days, a public holiday every 45; the temperature follows the day and the season.
        return Map.of("seriesId", big ? BIG_SERIES : SERIES, "intervalStart", start.toString(),
                "intervalEnd", start.plus(Duration.ofMinutes(30)).toString(),
                "powerMw", Math.round(power(index) * 10) / 10.0,
                "tempMeanC", Math.round((12 + 8 * Math.sin(day / 58.0) + 3 * Math.sin((index % 48) / 7.6)) * 10) / 10.0,
                "strike", day % 30 == 3, "publicHoliday", day % 45 == 5);
    }

    /**
     * The fusion service's downsampled read ({@code /api/v1/enriched/view?hours=H&points=N}) computed as it does from
     * the same records the list pages: buckets of a whole number of half-hours, span / N rounded up, with the min,
     * max and mean power, the mean temperature and the strike and holiday records of each.
     */
    private static Map<String, Object> view(Map<String, String> q) {
        boolean big = BIG_SERIES.equals(q.get("series"));
        int total = big ? BIG_POINTS : 336;
        int records = Math.min(total, Integer.parseInt(q.getOrDefault("hours", String.valueOf(total))) * 2);
        int points = Integer.parseInt(q.getOrDefault("points", "2000"));
        int perBucket = Math.max(1, (records + points - 1) / points);
        List<Map<String, Object>> buckets = new ArrayList<>();
        for (int first = 0; first < records; first += perBucket) {
            int last = Math.min(records, first + perBucket);
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum = 0, temperature = 0;
            long strike = 0, holiday = 0;
            Map<String, Object> start = null;
            for (int i = first; i < last; i++) {
                Map<String, Object> r = record(big, total - records + i, total);
                start = start == null ? r : start;
                double p = (Double) r.get("powerMw");
                min = Math.min(min, p);
                max = Math.max(max, p);
                sum += p;
                temperature += (Double) r.get("tempMeanC");
                strike += (Boolean) r.get("strike") ? 1 : 0;
                holiday += (Boolean) r.get("publicHoliday") ? 1 : 0;
            }
            int n = last - first;
            Instant from = Instant.parse((String) start.get("intervalStart"));
            buckets.add(Map.of("start", from.toString(), "end", from.plus(Duration.ofMinutes(30L * perBucket)).toString(),
                    "records", n, "valuedRecords", n, "powerMwMin", min, "powerMwMax", max, "powerMwAvg", sum / n,
                    "tempMeanC", temperature / n, "strikeRecords", strike, "holidayRecords", holiday));
        }
        return Map.of("seriesId", q.get("series"), "points", points,
                "interval", Duration.ofMinutes(30L * perBucket).toString(), "records", records, "buckets", buckets);
    }

    private static Map<String, Object> aggregates(String region) {
        String series = "FR".equals(region) ? SERIES : BIG_SERIES;
        List<Map<String, Object>> buckets = new ArrayList<>();
        for (int m = 1; m <= 6; m++) {
            buckets.add(Map.of("start", "2024-0" + m + "-01", "valuedRecords", 1_400, "energyMwh",
                    "FR".equals(region) ? 36_000_000 - m * 2_000_000 : 5_800_000 - m * 300_000,
                    "energyMwhSum", "FR".equals(region) ? 36_000_000 - m * 2_000_000 : 5_800_000 - m * 300_000,
                    "powerMwMax", "FR".equals(region) ? 82_000 - m * 3_000 : 12_000 - m * 500));
        }
        return Map.of("series", List.of(Map.of("seriesId", series, "buckets", buckets)));
    }

    private Map<String, Object> stats() {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        for (String s : List.of("OPEN", "ACKNOWLEDGED", "CONFIRMED", "FALSE_POSITIVE")) {
            byStatus.put(s, 0L);
        }
        double cost = 0;
        for (Map<String, Object> d : stored) {
            byStatus.merge((String) d.get("status"), 1L, Long::sum);
            bySeverity.merge((String) d.get("severity"), 1L, Long::sum);
            cost += (Double) d.get("costImpactEur");
        }
        long confirmed = byStatus.get("CONFIRMED");
        long falsePositives = byStatus.get("FALSE_POSITIVE");
        List<Map<String, Object>> precision = confirmed + falsePositives == 0 ? List.of() : List.of(Map.of(
                "confirmed", confirmed, "falsePositives", falsePositives,
                "precision", (double) confirmed / (confirmed + falsePositives)));
        return Map.of("total", stored.size(), "byStatus", byStatus, "bySeverity", bySeverity,
                "costImpactEur", cost, "precision", precision);
    }

    private Map<String, Object> anomalies(Map<String, String> q) {
        List<Map<String, Object>> matching = stored.stream()
                .filter(d -> !q.containsKey("series") || d.get("seriesId").equals(q.get("series")))
                .filter(d -> !q.containsKey("status") || d.get("status").equals(q.get("status")))
                .filter(d -> !q.containsKey("severity") || d.get("severity").equals(q.get("severity"))).toList();
        int size = Integer.parseInt(q.getOrDefault("size", q.getOrDefault("latest", "50")));
        return page(matching, Integer.parseInt(q.getOrDefault("page", "0")), size);
    }

    /** The stand-in detector: a value over 1.5 times the median is a spike. */
    private static Map<String, Object> detect(String csv) {
        List<String[]> rows = csv.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",")).toList();
        double[] values = rows.stream().mapToDouble(r -> Double.parseDouble(r[1])).sorted().toArray();
        double median = values[values.length / 2];
        List<Map<String, Object>> content = new ArrayList<>();
        long anomalies = 0;
        for (String[] r : rows) {
            double v = Double.parseDouble(r[1]);
            boolean anomaly = v > 1.5 * median;
            anomalies += anomaly ? 1 : 0;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("timestamp", Instant.parse(r[0]).toString());
            row.put("value", v);
            row.put("anomaly_score", anomaly ? 0.93 : 0.12);
            row.put("is_anomaly", anomaly);
            row.put("severity", anomaly ? "HIGH" : null);
            row.put("type", anomaly ? "SPIKE" : null);
            row.put("expected", median);
            row.put("explanation", anomaly ? Map.of("contributions", List.of(), "recommendation",
                    "Check the meter and the site's schedule") : null);
            content.add(row);
        }
        return Map.of("rows", rows.size(), "anomalies", anomalies, "detector", "cad", "content", content);
    }

    private Map<String, Object> ingest(Map<String, String> q, byte[] body) {
        String id = "job-" + jobs.incrementAndGet();
        // The pipeline found one anomaly in the upload: stored, then published on the topic the feed reads.
        Instant start = SERIES_END.minus(Duration.ofHours(2));
        AnomalyDetected anomaly = anomaly("upload-" + id, SERIES, start, Severity.CRITICAL, 91_250.0);
        stored.addFirst(document(anomaly));
        String json = JSON.writeValueAsString(anomaly);
        publishedAt.put(anomaly.anomalyId(), System.currentTimeMillis());
        producer.send(new ProducerRecord<>(Topics.ANOMALIES.name(), anomaly.seriesId(), json));
        producer.flush();
        Map<String, Object> job = job(id, "RUNNING", 40);
        job.put("sizeBytes", body.length);
        job.put("kind", q.get("kind"));
        return job;
    }

    private static Map<String, Object> job(String id, String status, double percent) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("id", id);
        job.put("status", status);
        job.put("progressPercent", percent);
        job.put("recordsRead", status.equals("SUCCEEDED") ? 48 : 20);
        return job;
    }

    private static Map<String, Object> forecast() {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            double e = 1_250_000 + d * 12_000 - (d == 5 || d == 6 ? 120_000 : 0);
            steps.add(Map.of("date", "2024-07-0" + (d + 1), "energyMwh", e, "lower80Mwh", e * 0.96,
                    "upper80Mwh", e * 1.04, "lower95Mwh", e * 0.93, "upper95Mwh", e * 1.07));
        }
        return Map.of("id", "fc-1", "series", SERIES, "algorithm", "gbt", "modelVersion", "7",
                "issuedAt", "2024-06-30T21:00:00Z", "baseDay", "2024-06-30", "horizonDays", 7, "steps", steps);
    }

    /**
     * Prediction's forecast of each target day ({@code /api/v1/forecasts/issued/days?hours=H&horizon=h}): the days of
     * the H hours ending at the last base day (the last complete Paris day of the series) and the h days after it;
     * forecast = the day's actual energy × (1 + 2 % × sin(day)), intervals ±4 % and ±7 %; past days scored.
     */
    private static Map<String, Object> forecastDays(Map<String, String> q) {
        boolean big = BIG_SERIES.equals(q.get("series"));
        int horizon = Integer.parseInt(q.getOrDefault("horizon", "1"));
        LocalDate lastBase = LAST_BASE_DAY;
        LocalDate first = firstForecastDay(big);
        LocalDate from = lastBase.minusDays((Integer.parseInt(q.get("hours")) + 23) / 24 - 1);
        from = from.isBefore(first) ? first : from;
        LocalDate to = lastBase.plusDays(horizon);
        List<Map<String, Object>> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Instant start = d.atStartOfDay(PARIS).toInstant();
            Instant end = d.plusDays(1).atStartOfDay(PARIS).toInstant();
            double actual = dayActualMwh(big, d);
            double e = dayForecastMwh(big, d);
            boolean scored = !d.isAfter(lastBase);
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("date", d.toString());
            day.put("start", start.toString());
            day.put("end", end.toString());
            day.put("leadDays", scored ? 1 : (int) (d.toEpochDay() - lastBase.toEpochDay()));
            day.put("forecastId", q.get("series") + "|" + d.minusDays(1) + "|h" + horizon + "|v7");
            day.put("algorithm", "gbt");
            day.put("modelVersion", "7");
            day.put("issuedAt", d.minusDays(1).atTime(10, 0).atZone(PARIS).toInstant().toString());
            day.put("energyMwh", e);
            day.put("lower80Mwh", e * 0.96);
            day.put("upper80Mwh", e * 1.04);
            day.put("lower95Mwh", e * 0.93);
            day.put("upper95Mwh", e * 1.07);
            day.put("actualMwh", scored ? actual : null);
            day.put("errorMwh", scored ? actual - e : null);
            day.put("inside80", scored ? Math.abs(actual - e) <= e * 0.04 : null);
            day.put("inside95", scored ? Math.abs(actual - e) <= e * 0.07 : null);
            days.add(day);
        }
        return Map.of("series", q.get("series").replaceAll(":[^:]+$", ":P1D"), "horizonDays", horizon,
                "window", Map.of("from", from.atStartOfDay(PARIS).toInstant().toString(),
                        "to", to.plusDays(1).atStartOfDay(PARIS).toInstant().toString(), "hours", q.get("hours")),
                "days", days);
    }

    /** No forecast before the Paris day of the series' first record: nothing was known before it. */
    static LocalDate firstForecastDay(boolean big) {
        int total = big ? BIG_POINTS : 336;
        return SERIES_END.minus(Duration.ofMinutes(30L * (total - 1))).atZone(PARIS).toLocalDate();
    }

    /** The energy of a Paris day of a series: its half-hours' power × 0.5 h. */
    static double dayActualMwh(boolean big, LocalDate day) {
        int total = big ? BIG_POINTS : 336;
        Instant end = day.plusDays(1).atStartOfDay(PARIS).toInstant();
        double energy = 0;
        for (Instant t = day.atStartOfDay(PARIS).toInstant(); t.isBefore(end); t = t.plus(Duration.ofMinutes(30))) {
            energy += power(total - 1 - (int) (Duration.between(t, SERIES_END).toMinutes() / 30)) * 0.5;
        }
        return energy;
    }

    /** The day-ahead forecast of a Paris day: its energy, 2 % off at most. */
    static double dayForecastMwh(boolean big, LocalDate day) {
        return dayActualMwh(big, day) * (1 + 0.02 * Math.sin(day.toEpochDay()));
    }

    static AnomalyDetected anomaly(String id, String series, Instant start, Severity severity, double observed) {
        double expected = observed / 1.4;
        return new AnomalyDetected(null, id, series, series.split(":")[1], start, start.plus(Duration.ofMinutes(30)),
                observed, expected, expected * 0.92, expected * 1.08, 0.97, severity, AnomalyType.SPIKE,
                List.of(new AnomalyDetected.FeatureContribution("valueVsExpected", observed - expected, 0.61),
                        new AnomalyDetected.FeatureContribution("tempMeanC", 4.5, 0.22),
                        new AnomalyDetected.FeatureContribution("hourOfDay", 20.0, 0.09)),
                "Consumption 40 % above the expected range: check for a metering fault before dispatching.",
                Math.round((observed - expected) * 0.5 * 95.0) * 1.0, "anomaly-iforest", "3", Instant.now());
    }

    private static Map<String, Object> document(AnomalyDetected anomaly) {
        JsonNode tree = JSON.valueToTree(anomaly);
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = new LinkedHashMap<>(JSON.convertValue(tree, Map.class));
        doc.put("status", "OPEN");
        doc.put("region", anomaly.regionCode());
        return doc;
    }
}
