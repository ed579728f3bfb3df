package io.energywatch.localmongo.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.WriteModel;
import io.energywatch.localmongo.DurableMongoProcess;
import org.bson.Document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * The local MongoDB at the scale issue 12 asks for: MEASUREMENTS half-hourly readings (default 2,000,000) written the
 * way the raw store writes them (buckets of a series' day, a batch's buckets read by {@code _id} then bulk-written),
 * into a {@link DurableMongoProcess} with a 1 GB heap. Prints the write rate, {@code _id} read times, the server's
 * resident memory and file size, then kills it with SIGKILL, restarts it and checks every bucket is there.
 * Run with {@code bench/run mongo [MEASUREMENTS]}; never run by {@code ./mvnw verify}.
 */
public final class DurableStoreBench {

    private static final int SERIES = 12;
    private static final int SLOTS_PER_DAY = 48;
    private static final int BATCH_RECORDS = 5_000;
    private static final int READS = 1_000;
    private static final int UPDATES = 200;

    private DurableStoreBench() {
    }

    public static void main(String[] args) throws Exception {
        long measurements = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000L;
        Path work = Path.of(System.getProperty("energywatch.workdir", ".energywatch")).resolve("bench/local-mongo");
        deleteRecursively(work);
        long days = measurements / SERIES / SLOTS_PER_DAY;
        System.out.printf(Locale.ROOT, "%,d measurements: %d series x %,d local days x %d half-hours, in %s%n",
                days * SERIES * SLOTS_PER_DAY, SERIES, days, SLOTS_PER_DAY, work);
        try (var server = DurableMongoProcess.start(work, List.of("-Xmx1g", "-XX:+ExitOnOutOfMemoryError"));
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> buckets = client.getDatabase("energywatch").getCollection("measurements");
            LocalDate first = LocalDate.of(2012, 1, 1);
            long start = System.nanoTime();
            long written = 0;
            List<Document> batch = new ArrayList<>();
            int batchRecords = 0;
            long peakRss = 0;
            for (long d = 0; d < days; d++) {
                for (int s = 0; s < SERIES; s++) {
                    batch.add(bucket(s, first.plusDays(d)));
                    batchRecords += SLOTS_PER_DAY;
                    if (batchRecords >= BATCH_RECORDS) {
                        write(buckets, batch);
                        written += batchRecords;
                        batch.clear();
                        batchRecords = 0;
                    }
                }
                if (d % 200 == 0) {
                    peakRss = Math.max(peakRss, rssMb(server.pid()));
                }
            }
            write(buckets, batch);
            written += batchRecords;
            double seconds = (System.nanoTime() - start) / 1e9;
            peakRss = Math.max(peakRss, rssMb(server.pid()));

            Random random = new Random(42);
            double[] reads = new double[READS];
            for (int i = 0; i < READS; i++) {
                String id = id(random.nextInt(SERIES), first.plusDays(random.nextLong(days)));
                long t = System.nanoTime();
                if (buckets.find(Filters.eq("_id", id)).first() == null) {
                    throw new IllegalStateException("bucket " + id + " missing");
                }
                reads[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(reads);
            List<String> month = new ArrayList<>();
            for (int d = 0; d < 31; d++) {
                month.add(id(3, first.plusDays(days / 2 + d)));
            }
            long t = System.nanoTime();
            int found = 0;
            for (Document ignored : buckets.find(Filters.in("_id", month))) {
                found++;
            }
            double monthMs = (System.nanoTime() - t) / 1e6;
            // The raw store adds readings to a stored bucket with an optimistic update on {_id, v}; beside it the same
            // update on _id alone, the index's own query.
            double[] plainUpdates = updates(buckets, days, first, new Random(7), false);
            double[] versionedUpdates = updates(buckets, days, first, new Random(11), true);
            long fileMb = Files.size(work.resolve("energywatch.mv.db")) >> 20;
            long documents = buckets.estimatedDocumentCount();

            server.kill();
            long restartStart = System.nanoTime();
            server.restart();
            double restartS = (System.nanoTime() - restartStart) / 1e9;
            long afterKill;
            try (MongoClient again = MongoClients.create(server.connectionString())) {
                afterKill = again.getDatabase("energywatch").getCollection("measurements").estimatedDocumentCount();
            }

            System.out.printf(Locale.ROOT, "%-48s %,14.0f%n", "measurements written per second", written / seconds);
            System.out.printf(Locale.ROOT, "%-48s %,14.0f%n", "bucket documents written per second", documents / seconds);
            System.out.printf(Locale.ROOT, "%-48s %14.2f / %.2f / %.2f ms%n", "_id read p50 / p99 / max",
                    reads[READS / 2], reads[READS * 99 / 100], reads[READS - 1]);
            System.out.printf(Locale.ROOT, "%-48s %14.1f ms (%d buckets)%n", "a month of one series (_id $in, 31 ids)",
                    monthMs, found);
            System.out.printf(Locale.ROOT, "%-48s %14.2f / %.2f / %.2f ms%n", "update on {_id} p50 / p99 / max (baseline)",
                    plainUpdates[UPDATES / 2], plainUpdates[UPDATES * 99 / 100], plainUpdates[UPDATES - 1]);
            System.out.printf(Locale.ROOT, "%-48s %14.2f / %.2f / %.2f ms%n", "update on {_id, v} p50 / p99 / max",
                    versionedUpdates[UPDATES / 2], versionedUpdates[UPDATES * 99 / 100], versionedUpdates[UPDATES - 1]);
            System.out.printf(Locale.ROOT, "%-48s %,14d MB (heap limit 1,024 MB)%n", "server peak RSS while writing",
                    peakRss);
            System.out.printf(Locale.ROOT, "%-48s %,14d MB%n", "store file", fileMb);
            System.out.printf(Locale.ROOT, "%-48s %,14d -> %,d%n", "bucket documents before kill -9 -> after restart",
                    documents, afterKill);
            System.out.printf(Locale.ROOT, "%-48s %14.1f s%n", "restart after kill -9 until it listens", restartS);
            if (afterKill != documents) {
                throw new IllegalStateException("lost " + (documents - afterKill) + " acknowledged buckets");
            }
        }
    }

    /** Sorted milliseconds of {@link #UPDATES} single-bucket updates at random, each bumping the version it read. */
    private static double[] updates(MongoCollection<Document> buckets, long days, LocalDate first, Random random,
                                    boolean onVersion) {
        double[] ms = new double[UPDATES];
        for (int i = 0; i < UPDATES; i++) {
            String id = id(random.nextInt(SERIES), first.plusDays(random.nextLong(days)));
            int version = buckets.find(Filters.eq("_id", id)).first().getInteger("v");
            var filter = onVersion ? Filters.and(Filters.eq("_id", id), Filters.eq("v", version)) : Filters.eq("_id", id);
            long t = System.nanoTime();
            long modified = buckets.updateOne(filter, new Document("$inc", new Document("v", 1))).getModifiedCount();
            ms[i] = (System.nanoTime() - t) / 1e6;
            if (modified != 1) {
                throw new IllegalStateException("bucket " + id + " at version " + version + " was not updated");
            }
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void write(MongoCollection<Document> buckets, List<Document> batch) {
        if (batch.isEmpty()) {
            return;
        }
        // As the raw store does: read the batch's buckets by _id, then write them in one unordered bulk.
        List<Object> ids = batch.stream().map(d -> d.get("_id")).toList();
        for (Document ignored : buckets.find(Filters.in("_id", ids))) {
            throw new IllegalStateException("bucket already stored");
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        batch.forEach(d -> writes.add(new InsertOneModel<>(d)));
        buckets.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    private static Document bucket(int series, LocalDate day) {
        Document slots = new Document();
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int i = 0; i < SLOTS_PER_DAY; i++) {
            Instant at = start.plusSeconds(1800L * i);
            double mw = 40_000 + series * 1_000 + i * 13.7 + day.getDayOfYear();
            // About the size of a ConsumptionMeasured's JSON.
            String payload = "{\"eventId\":\"" + new UUID(series * 1_000_003L + day.toEpochDay(), i)
                    + "\",\"seriesId\":\"electricity:" + (11 + series) + ":odre:PT30M\",\"area\":\"" + (11 + series)
                    + "\",\"regionCode\":\"" + (11 + series) + "\",\"source\":\"odre\",\"resolution\":\"PT30M\","
                    + "\"intervalStart\":\"" + at + "\",\"intervalEnd\":\"" + at.plusSeconds(1800) + "\",\"value\":" + mw
                    + ",\"unit\":\"MW\",\"powerMw\":" + mw + ",\"energyMwh\":" + mw / 2 + ",\"quality\":\"CONSOLIDATED\","
                    + "\"flags\":[],\"lineage\":{\"origin\":\"consommation-quotidienne-brute.csv\",\"jobId\":"
                    + "\"0f6b3c1e-9d3a-4a1b-8a53-2f1e0c2b7d44\",\"line\":" + (i + 2) + ",\"ingestedAt\":\"2026-12-06T00:00:00Z\"}}";
            slots.append("t" + at.getEpochSecond(), new Document("p", payload).append("j", "bench").append("a", 1)
                    .append("b", 1L));
        }
        return new Document("_id", id(series, day)).append("seriesId", "electricity:" + (11 + series) + ":odre:PT30M")
                .append("day", day.toString()).append("v", 1).append("n", SLOTS_PER_DAY).append("r", slots);
    }

    private static String id(int series, LocalDate day) {
        return "electricity:" + (11 + series) + ":odre:PT30M|" + day;
    }

    private static long rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
            }
        }
        return 0;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
