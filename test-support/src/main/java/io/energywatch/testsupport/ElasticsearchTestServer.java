package io.energywatch.testsupport;

import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The real Elasticsearch distribution for integration tests: started once per test JVM on free ports from the 9.2.0
 * integ-test zip that Maven resolved (system property {@code energywatch.es.zip}), or reused when
 * {@code ENERGYWATCH_TEST_ES_URL} points at a running cluster (a Testcontainers or docker-compose one, say).
 *
 * <p>Elasticsearch refuses to run as root, so when the tests run as root it is started as the system user
 * {@code energywatch}, created if absent. Each JVM gets its own config, data and log folders; the unpacked distribution
 * is shared, guarded by a file lock; both live under the system temp folder, which the node's user can reach.
 */
public final class ElasticsearchTestServer {

    private static final String ES_USER = "energywatch";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
    private static ElasticsearchTestServer shared;

    private final URI uri;
    private final Path runDir;
    private final long pid;

    private ElasticsearchTestServer(URI uri, Path runDir, long pid) {
        this.uri = uri;
        this.runDir = runDir;
        this.pid = pid;
    }

    /** The cluster of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized ElasticsearchTestServer shared() {
        if (shared == null) {
            String external = System.getenv("ENERGYWATCH_TEST_ES_URL");
            shared = external != null && !external.isBlank()
                    ? new ElasticsearchTestServer(URI.create(external), null, -1)
                    : start();
        }
        return shared;
    }

    /** Base URL such as {@code http://127.0.0.1:41234}. */
    public String url() {
        return uri.toString();
    }

    public int port() {
        return uri.getPort();
    }

    private static ElasticsearchTestServer start() {
        try {
            // Under the system temp folder, not the checkout: the node runs as another user, who must be able to reach
            // it, and a checkout may sit in a folder only root can enter (such as the root user's home).
            Path base = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "energywatch-test-es"));
            Path home = unpack(base);
            Path runDir = Files.createTempDirectory(base, "run-");
            Path conf = runDir.resolve("config");
            copyTree(home.resolve("config"), conf);
            int httpPort = FreePorts.find();
            int transportPort = FreePorts.find();
            Files.writeString(conf.resolve("elasticsearch.yml"), """
                    cluster.name: energywatch-test
                    node.name: test-node
                    network.host: 127.0.0.1
                    http.port: %d
                    transport.port: %d
                    discovery.type: single-node
                    xpack.security.enabled: false
                    cluster.routing.allocation.disk.threshold_enabled: false
                    action.destructive_requires_name: false
                    path.data: %s
                    path.logs: %s
                    """.formatted(httpPort, transportPort, runDir.resolve("data"), runDir.resolve("logs")));
            Files.createDirectories(runDir.resolve("data"));
            Files.createDirectories(runDir.resolve("logs"));
            Path pidFile = runDir.resolve("es.pid");

            List<String> command = new ArrayList<>();
            boolean root = isRoot();
            if (root) {
                ensureUser();
                run(List.of("chown", "-R", ES_USER + ":", runDir.toString()));
                command.addAll(List.of("runuser", "-u", ES_USER, "--"));
            }
            command.addAll(List.of(home.resolve("bin/elasticsearch").toString(), "-d", "-p", pidFile.toString()));
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(runDir.resolve("launcher.log").toFile());
            pb.environment().remove("JAVA_HOME");
            pb.environment().put("ES_JAVA_HOME", System.getProperty("java.home"));
            pb.environment().put("ES_PATH_CONF", conf.toString());
            pb.environment().put("ES_JAVA_OPTS", "-Xms384m -Xmx384m");
            int exit = pb.start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("elasticsearch did not start (exit " + exit + "): "
                        + Files.readString(runDir.resolve("launcher.log")));
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            var server = new ElasticsearchTestServer(URI.create("http://127.0.0.1:" + httpPort), runDir, pid);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "elasticsearch-test-stop"));
            server.awaitHealthy();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(uri.resolve("/_cluster/health?wait_for_status=yellow&timeout=2s"))
                .timeout(Duration.ofSeconds(5)).build();
        Awaitility.await("elasticsearch healthy; logs in " + runDir).atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(250)).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        throw new IllegalStateException("elasticsearch exited while starting; logs in " + runDir);
                    }
                    return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
    }

    private void stop() {
        ProcessHandle.of(pid).ifPresent(p -> {
            p.destroy();
            try {
                p.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        });
        deleteTree(runDir);
    }

    /** Unpacks the distribution once; concurrent test JVMs wait on a file lock. */
    private static Path unpack(Path base) throws IOException {
        Path zip = Path.of(System.getProperty("energywatch.es.zip", ""));
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Elasticsearch distribution not found at '" + zip
                    + "': run the tests through Maven (which resolves it) or set ENERGYWATCH_TEST_ES_URL");
        }
        Files.createDirectories(base);
        Path home = base.resolve("elasticsearch");
        Path done = base.resolve("elasticsearch.unpacked");
        try (FileChannel ch = FileChannel.open(base.resolve("unpack.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
            if (Files.exists(done) && Files.readString(done).equals(zip.toString())) {
                return home;
            }
            deleteTree(home);
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    String name = e.getName();
                    int slash = name.indexOf('/');
                    Path target = home.resolve(slash < 0 ? name : name.substring(slash + 1)).normalize();
                    if (!target.startsWith(home)) {
                        throw new IOException("zip entry escapes the target folder: " + name);
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            // Zip entries lose their mode here; the launch scripts and native helpers must be executable.
            try (Stream<Path> files = Files.walk(home)) {
                files.filter(p -> p.getParent().endsWith("bin") || p.toString().contains("/platform/"))
                        .filter(Files::isRegularFile).forEach(p -> p.toFile().setExecutable(true, false));
            }
            if (isRoot()) {
                ensureUser();
                // The node writes nothing here (its config, data and logs are per run), but must read everything.
                run(List.of("chmod", "-R", "a+rX", home.toString()));
            }
            Files.writeString(done, zip.toString());
            return home;
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void ensureUser() throws IOException {
        if (run(List.of("id", "-u", ES_USER)) != 0
                && run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", ES_USER)) != 0
                && run(List.of("id", "-u", ES_USER)) != 0) {
            throw new IllegalStateException("cannot create the system user '" + ES_USER + "' to run Elasticsearch");
        }
    }

    private static int run(List<String> command) throws IOException {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command, e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    try (InputStream in = Files.newInputStream(p)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
