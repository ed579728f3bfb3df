package io.energywatch.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code bench/run soak [MINUTES]}: 2,000 readings/s through the ingestion API for MINUTES (default 30), sampling every
 * 10 s per service its heap after the last GC ({@code jvm_gc_live_data_size_bytes}, what survives a collection), its
 * resident memory and open files, and the lag of every consumer group downstream of ingestion. Prints the first and
 * last thirds' means side by side and writes the plots into docs/images.
 */
final class SoakBench {

    private static final int READINGS_PER_SECOND = 2_000;
    private static final int SERIES = 25;
    /**
     * Clients uploading side by side, each its own meters at an equal share of the rate: one client waits for each
     * answer before its next upload, so alone it offers at most a batch per round trip (1,054 readings/s in the first
     * 30-minute run, against 2,000 asked).
     */
    private static final int CLIENTS = 4;
    /** Every client twice a second: 8 uploads a second in all, under the gateway's 10 a second for one token. */
    private static final Duration UPLOAD_EVERY = Duration.ofMillis(500);
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(10);
    private static final String LIVE_DATA = "jvm_gc_live_data_size_bytes";
    private static final String JOBS_WAITING = "energywatch_ingestion_jobs_waiting";
    private static final String INGESTION = "ingestion-service";
    private static final double MB = 1024 * 1024;

    private final PlatformBench bench;
    private final Duration length;

    SoakBench(PlatformBench bench, Duration length) {
        this.bench = bench;
        this.length = length;
    }

    public static void main(String[] args) {
        PlatformBench.quietClientLogs();
        Duration length = Duration.ofMinutes(args.length > 0 ? Long.parseLong(args[0]) : 30);
        try {
            new SoakBench(new PlatformBench(PlatformBench.workspaceFromSystem()), length).run();
            System.exit(0);
        } catch (StackException e) {
            System.err.println("soak: " + e.getMessage());
            System.exit(1);
        }
    }

    /** One sample: seconds since the start, then per service its measures, and the total consumer lag. */
    record Sample(double seconds, Map<String, Double> liveHeapMb, Map<String, Double> rssMb,
                  Map<String, Double> openFiles, double lag, double jobsWaiting) {
    }

    void run() {
        if (!bench.up(System.out)) {
            throw new StackException("the platform is not healthy (./energywatch status)");
        }
        var feeds = new ArrayList<ReadingFeed>();
        for (int client = 0; client < CLIENTS; client++) {
            feeds.add(new ReadingFeed(bench::uploadReadings, BenchReadings.of("s" + client + "-", SERIES),
                    READINGS_PER_SECOND / CLIENTS, UPLOAD_EVERY, System.out));
        }
        var samples = new ArrayList<Sample>();
        Supplier<String> token = bench.viewerToken();
        System.out.printf(Locale.ROOT, "Soak: %,d readings/s through the gateway from %d clients for %d min, a sample"
                + " every %d s%n", READINGS_PER_SECOND, CLIENTS, length.toMinutes(), SAMPLE_EVERY.toSeconds());
        long start = System.nanoTime();
        feeds.forEach(ReadingFeed::start);
        try (var lags = KafkaLagSource.of(bench.platform)) {
            long next = start;
            while (System.nanoTime() - start < length.toNanos()) {
                Sample sample = sample((System.nanoTime() - start) / 1e9, lags, token);
                samples.add(sample);
                System.out.printf(Locale.ROOT, "%6.0f s  lag %,10.0f  jobs waiting %,5.0f  RSS %,6.0f MB  live heap"
                                + " %,5.0f MB  files %,5.0f  accepted %,d%n", sample.seconds(), sample.lag(),
                        sample.jobsWaiting(), sum(sample.rssMb()),
                        sum(sample.liveHeapMb()), sum(sample.openFiles()), acknowledged(feeds));
                next += SAMPLE_EVERY.toNanos();
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Pause.of(Duration.ofNanos(wait));
                }
            }
        } finally {
            feeds.forEach(ReadingFeed::stop);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long accepted = acknowledged(feeds);
        System.out.printf(Locale.ROOT, "%n%,d readings accepted in %.0f s (%,.0f/s offered %,d/s); %d uploads sent"
                + " again%n", accepted, seconds, accepted / seconds, READINGS_PER_SECOND,
                feeds.stream().mapToLong(ReadingFeed::refusals).sum());
        report(samples);
    }

    private Sample sample(double seconds, KafkaLagSource lags, Supplier<String> token) {
        var heap = new LinkedHashMap<String, Double>();
        var rss = new LinkedHashMap<String, Double>();
        var files = new LinkedHashMap<String, Double>();
        for (String role : roles()) {
            List<Long> pids = bench.pids(role);
            if (pids.isEmpty()) {
                continue;
            }
            rss.put(role, bench.processes.residentBytes(pids).values().stream().mapToLong(Long::longValue).sum() / MB);
            files.put(role, (double) pids.stream().mapToLong(SoakBench::openFiles).sum());
        }
        double waiting = Double.NaN;
        // One scrape per service: its live heap, and for ingestion also its waiting jobs.
        for (PlatformService service : PlatformService.ALL) {
            Optional<List<MetricsStep.Sample>> metrics = scrape(service, token);
            if (metrics.isEmpty()) {
                continue;
            }
            sum(metrics.get(), LIVE_DATA).ifPresent(bytes -> heap.put(service.module(), bytes / MB));
            if (service.module().equals(INGESTION)) {
                // Acknowledged uploads no worker has started: a backlog before Kafka, which no consumer lag shows.
                waiting = sum(metrics.get(), JOBS_WAITING).orElse(Double.NaN);
            }
        }
        double lag = lags.lag(bench.groups.all()).stream()
                .mapToDouble(g -> g.records().isPresent() ? g.records().getAsLong() : 0).sum();
        return new Sample(seconds, heap, rss, files, lag, waiting);
    }

    /** A metric summed over its labels (the heap that survived the last collection: over the heap pools). */
    private static OptionalDouble sum(List<MetricsStep.Sample> metrics, String name) {
        return metrics.stream().filter(s -> s.name().equals(name)).mapToDouble(MetricsStep.Sample::value)
                .reduce(Double::sum);
    }

    private static long acknowledged(List<ReadingFeed> feeds) {
        return feeds.stream().mapToLong(ReadingFeed::readingsAcknowledged).sum();
    }

    private static List<String> roles() {
        var roles = new ArrayList<>(List.of("kafka", "elasticsearch", "mongodb"));
        PlatformService.ALL.forEach(service -> roles.add(service.module()));
        return roles;
    }

    private static long openFiles(long pid) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** One service's {@code /actuator/prometheus}; empty when unreadable. */
    private Optional<List<MetricsStep.Sample>> scrape(PlatformService service, Supplier<String> token) {
        URI endpoint = service.url(bench.platform).resolve("/actuator/prometheus");
        try {
            HttpResponse<String> response = bench.http.send(HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(5)).header("Authorization", "Bearer " + token.get()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(MetricsStep.parse(response.body()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted", e);
        }
    }

    private void report(List<Sample> samples) {
        if (samples.size() < 3) {
            System.out.println("too few samples for a trend");
            return;
        }
        int third = samples.size() / 3;
        List<Sample> first = samples.subList(0, third);
        List<Sample> last = samples.subList(samples.size() - third, samples.size());
        var rows = new ArrayList<List<String>>();
        for (String role : roles()) {
            rows.add(List.of(role, trend(first, last, s -> s.liveHeapMb().get(role)),
                    trend(first, last, s -> s.rssMb().get(role)), trend(first, last, s -> s.openFiles().get(role))));
        }
        rows.add(List.of("consumer lag (records, all groups)", trend(first, last, Sample::lag), "", ""));
        rows.add(List.of("ingestion jobs waiting for a worker", trend(first, last, Sample::jobsWaiting), "", ""));
        System.out.println();
        System.out.println("Means of the first and last thirds of the run (first -> last):");
        System.out.println(new TextTable(List.of("PROCESS", "LIVE HEAP AFTER GC MB", "RSS MB", "OPEN FILES"), rows)
                .render());
        Path images = bench.workspace.root().resolve("docs/images");
        double[] x = samples.stream().mapToDouble(s -> s.seconds() / 60).toArray();
        plot(images.resolve("soak-heap.png"), "Live heap after GC per service", "MB", x, samples, Sample::liveHeapMb);
        plot(images.resolve("soak-rss.png"), "Resident memory per process", "MB", x, samples, Sample::rssMb);
        plot(images.resolve("soak-open-files.png"), "Open files per process", "files", x, samples,
                Sample::openFiles);
        BenchPlots.lines(images.resolve("soak-lag.png"), "Consumer lag, all groups downstream of ingestion",
                "minutes", "records", x, Map.of("lag", samples.stream().mapToDouble(Sample::lag).toArray()), false);
        BenchPlots.lines(images.resolve("soak-jobs-waiting.png"), "Ingestion jobs accepted, waiting for a worker",
                "minutes", "jobs", x, Map.of("jobs waiting", samples.stream().mapToDouble(Sample::jobsWaiting)
                        .toArray()), false);
        System.out.println("plots: docs/images/soak-{heap,rss,open-files,lag,jobs-waiting}.png");
    }

    private static void plot(Path file, String title, String unit, double[] x, List<Sample> samples,
                             java.util.function.Function<Sample, Map<String, Double>> measure) {
        var series = new LinkedHashMap<String, double[]>();
        for (String role : roles()) {
            if (samples.stream().allMatch(s -> measure.apply(s).containsKey(role))) {
                series.put(role, samples.stream().mapToDouble(s -> measure.apply(s).get(role)).toArray());
            }
        }
        BenchPlots.lines(file, title, "minutes", unit, x, series, false);
    }

    private static String trend(List<Sample> first, List<Sample> last,
                                java.util.function.Function<Sample, Double> measure) {
        OptionalDouble before = mean(first, measure);
        OptionalDouble after = mean(last, measure);
        if (before.isEmpty() || after.isEmpty()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%,.0f -> %,.0f", before.getAsDouble(), after.getAsDouble());
    }

    /** The mean of the samples whose measure could be read (missing or NaN when a scrape failed). */
    private static OptionalDouble mean(List<Sample> samples, java.util.function.Function<Sample, Double> measure) {
        return samples.stream().map(measure).filter(v -> v != null && !v.isNaN()).mapToDouble(Double::doubleValue)
                .average();
    }

    private static double sum(Map<String, Double> values) {
        return values.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
