package io.energywatch.local;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.util.concurrent.CountDownLatch;

/**
 * The local MongoDB: mongo-java-server's wire server with the in-memory backend, in its own JVM. The oplog is on so
 * change streams work. Data lives as long as the process. Usage: {@code LocalMongoServer HOST PORT}.
 */
public final class LocalMongoServer {

    private LocalMongoServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: LocalMongoServer HOST PORT");
            System.exit(2);
        }
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        MongoServer server = new MongoServer(new MemoryBackend());
        server.enableOplog();
        server.bind(host, port);
        System.out.println("MongoDB wire server (mongo-java-server, memory backend, oplog on) listening on "
                + host + ":" + port);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            stopped.countDown();
        }, "mongo-shutdown"));
        stopped.await();
    }
}
