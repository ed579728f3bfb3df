package io.energywatch.local;

import io.energywatch.testsupport.ElasticsearchTestServer;
import io.energywatch.testsupport.FreePorts;
import io.energywatch.testsupport.KafkaTestBroker;
import io.energywatch.testsupport.MongoWireTestServer;
import io.energywatch.testsupport.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service's executable jar in a JVM of its own, as deployed, on a test's servers (the properties a test gives); its
 * console goes to a file of the test's folder. It can be killed with SIGKILL and started again with the same command,
 * port and properties (same application id, state and spool folders), as a supervisor restarts a crashed service.
 */
final class ServiceJvm {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String module;
    private final int port;
    private final List<String> command;
    private final Path dir;
    private volatile Process process;
    private volatile Path log;
    private int starts;

    private ServiceJvm(String module, int port, List<String> command, Path dir) {
        this.module = module;
        this.port = port;
        this.command = command;
        this.dir = dir;
    }

    /**
     * What every service a test starts shares: this JVM's test servers (the embedded KRaft broker, {@code database} on
     * the MongoDB wire server, Elasticsearch), trust in {@link TestTokens}, and the loopback address.
     */
    static Map<String, String> onTestServers(String database) {
        Map<String, String> common = new HashMap<>(TestTokens.properties());
        common.put("spring.kafka.bootstrap-servers", KafkaTestBroker.bootstrapServers());
        common.put("spring.mongodb.uri", MongoWireTestServer.shared().uri(database));
        common.put("spring.elasticsearch.uris", ElasticsearchTestServer.shared().url());
        common.put("server.address", "127.0.0.1");
        return common;
    }

    /**
     * Starts {@code module}'s jar of the workspace on a free port with the common properties and its own (which win);
     * does not wait for health.
     */
    static ServiceJvm start(Workspace workspace, String module, Map<String, String> common, Map<String, String> own,
                            Path dir) {
        Path jar = workspace.serviceJar(module);
        assertThat(jar).as("%s is built (mvn package)", module).isRegularFile();
        int port = FreePorts.find();
        // The serial collector and C1 only, as the tests' own JVMs: fewer threads competing for two cores.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--server.port=" + port));
        Map<String, String> properties = new HashMap<>(common);
        properties.putAll(own);
        properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        var service = new ServiceJvm(module, port, List.copyOf(command), dir);
        service.launch();
        return service;
    }

    /** Each start writes its own console file ({@code module.log}, then {@code module-2.log} ...). */
    private void launch() {
        starts++;
        log = dir.resolve(starts == 1 ? module + ".log" : module + "-" + starts + ".log");
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + module, e);
        }
    }

    String module() {
        return module;
    }

    int port() {
        return port;
    }

    /** The console of the current (latest) start. */
    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    /** Waits until {@code /actuator/health} answers 200, failing early (with the console's name) if the JVM died. */
    ServiceJvm awaitHealthy(Duration atMost) {
        Process current = process;
        await(module + " healthy (console: " + log + ")").atMost(atMost).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> {
                    assertThat(current.isAlive()).as("%s runs (console: %s)", module, log).isTrue();
                    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/actuator/health")).timeout(Duration.ofSeconds(5)).GET().build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
        assertThat(current.isAlive()).as("%s runs (console: %s)", module, log).isTrue();
        return this;
    }

    /**
     * SIGKILL ({@link Process#destroyForcibly()}: the JVM gets no shutdown hook, no group leave, no transaction
     * abort), checked on the real pid, which is gone before this returns.
     */
    void kill() throws InterruptedException {
        Process current = process;
        long pid = current.pid();
        assertThat(ProcessHandle.of(pid)).as("%s's JVM (pid %d) runs before the kill", module, pid).isPresent();
        assertThat(ProcessHandle.of(pid).orElseThrow().info().commandLine().orElse(""))
                .as("pid %d is %s's JVM", pid, module).contains(module + ".jar");
        current.destroyForcibly();
        assertThat(current.waitFor(30, TimeUnit.SECONDS)).as("%s (pid %d) killed", module, pid).isTrue();
        assertThat(ProcessHandle.of(pid)).as("pid %d gone", pid).isEmpty();
    }

    /** The same command again: same port, same properties. */
    void restart() {
        launch();
    }

    /** SIGTERM, and SIGKILL when the JVM has not ended within 30 s. */
    void stop() {
        Process current = process;
        current.destroy();
        try {
            if (!current.waitFor(30, TimeUnit.SECONDS)) {
                current.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            current.destroyForcibly();
        }
    }
}
