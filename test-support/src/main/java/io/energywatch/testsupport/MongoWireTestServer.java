package io.energywatch.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;

/**
 * The wire-compatible in-memory MongoDB server (mongo-java-server, memory backend) for integration tests, one per test
 * JVM. {@code MONGODB_URI} pointing at a real MongoDB (a Testcontainers or docker-compose one) replaces it.
 */
public final class MongoWireTestServer {

    private static MongoWireTestServer shared;

    private final String uri;

    private MongoWireTestServer(String uri) {
        this.uri = uri;
    }

    public static synchronized MongoWireTestServer shared() {
        if (shared == null) {
            String external = System.getenv("MONGODB_URI");
            if (external != null && !external.isBlank()) {
                shared = new MongoWireTestServer(external);
            } else {
                MongoServer server = new MongoServer(new MemoryBackend());
                InetSocketAddress address = server.bind();
                Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-wire-test-stop"));
                shared = new MongoWireTestServer("mongodb://127.0.0.1:" + address.getPort());
            }
        }
        return shared;
    }

    /** A connection string to {@code database}, for {@code spring.mongodb.uri}. */
    public String uri(String database) {
        String base = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        int query = base.indexOf('?');
        return query < 0 ? base + "/" + database : base.substring(0, query) + "/" + database + base.substring(query);
    }
}
