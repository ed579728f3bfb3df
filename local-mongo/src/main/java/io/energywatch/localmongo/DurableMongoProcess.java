package io.energywatch.localmongo;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link DurableMongoServer} in a child JVM, for tests and benchmarks that must kill it the hard way (SIGKILL) and
 * start it again on the same folder and port.
 */
public final class DurableMongoProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final int port;
    private final List<String> jvmOptions;
    private Process process;

    private DurableMongoProcess(Path dataDir, int port, List<String> jvmOptions) {
        this.dataDir = dataDir;
        this.port = port;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** Starts a server on a free port over {@code dataDir}, with extra JVM options (heap, limits as -D...). */
    public static DurableMongoProcess start(Path dataDir, List<String> jvmOptions) throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return start(dataDir, port, jvmOptions);
    }

    /**
     * Starts a server on {@code port} over {@code dataDir}: another server's folder and port once that one is stopped,
     * to bring the same store back with other options (a lower size limit, say).
     */
    public static DurableMongoProcess start(Path dataDir, int port, List<String> jvmOptions) throws IOException {
        var server = new DurableMongoProcess(dataDir, port, jvmOptions);
        server.restart();
        return server;
    }

    public int port() {
        return port;
    }

    /** Starts the server again on the same folder and port; returns once it accepts connections. */
    public void restart() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the server is still running (pid " + process.pid() + ")");
        }
        Files.createDirectories(dataDir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), DurableMongoServer.class.getName(),
                "127.0.0.1", Integer.toString(port), dataDir.toString()));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("server.log").toFile()).start();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!accepts()) {
            if (!process.isAlive()) {
                throw new IOException("the MongoDB server exited with " + process.exitValue() + ": see "
                        + dataDir.resolve("server.log"));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IOException("the MongoDB server did not listen on port " + port + " within " + START_TIMEOUT);
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    /** SIGKILL: no shutdown hook, no final commit; what survives is what was committed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM and wait: the store is closed cleanly. */
    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    public long pid() {
        return process.pid();
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    private boolean accepts() {
        try (var ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }
}
