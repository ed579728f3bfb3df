package io.energywatch.localmongo;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack's MongoDB: mongo-java-server's wire protocol over its H2 (MVStore) backend, one file on disk,
 * durable for every acknowledged write and refusing writes past {@link StoreLimits}. Usage:
 * {@code DurableMongoServer HOST PORT DATA_DIR}; limits from system properties ({@link StoreLimits#fromSystemProperties}).
 *
 * <p>Store documents for it the way MongoDB users store time series: buckets read by {@code _id}. Its indexes serve
 * exact equality on all their fields only; ranges, {@code $in} on compound indexes and whole-collection aggregations
 * scan every document (see docs/architecture.md).
 */
public final class DurableMongoServer implements AutoCloseable {

    /** The store's file name inside the data folder. */
    public static final String STORE_FILE = "energywatch.mv.db";
    /** MVStore's page cache; the rest of the heap serves queries and the wire buffers. */
    private static final int CACHE_MB = 64;
    private static final Logger log = LoggerFactory.getLogger(DurableMongoServer.class);

    private final MongoServer server;
    private final DurableBackend backend;

    private DurableMongoServer(MongoServer server, DurableBackend backend) {
        this.server = server;
        this.backend = backend;
    }

    /** Opens (or creates) the store in {@code dataDir} and listens on {@code host:port} (0: any free port). */
    public static DurableMongoServer start(String host, int port, Path dataDir, StoreLimits limits) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(STORE_FILE);
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(CACHE_MB).compress().open();
        var backend = new DurableBackend(store, StoreGuard.forThisJvm(file, limits));
        var server = new MongoServer(backend);
        server.bind(host, port);
        return new DurableMongoServer(server, backend);
    }

    /** The address clients connect to. */
    public String connectionString() {
        var address = server.getLocalAddress();
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    @Override
    public void close() {
        server.shutdown();
        backend.close();
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: DurableMongoServer HOST PORT DATA_DIR");
            System.exit(2);
        }
        StoreLimits limits = StoreLimits.fromSystemProperties();
        Path dir = Path.of(args[2]);
        var running = start(args[0], Integer.parseInt(args[1]), dir, limits);
        // The local stack's start-up waits for this line.
        System.out.println("MongoDB wire server (mongo-java-server, durable H2 backend in " + dir.resolve(STORE_FILE)
                + ", limits " + limits + ") listening on " + running.connectionString());
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("closing the store");
            running.close();
            stopped.countDown();
        }, "mongo-shutdown"));
        stopped.await();
    }
}
