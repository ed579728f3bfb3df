package io.energywatch.testsupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node KRaft Kafka broker ({@code kafka.Kafka} from the test classpath) in a child JVM, with its log
 * folder on disk and fixed ports, for tests that take Kafka away and bring the same broker back: {@link #stop()} shuts
 * it down, {@link #restart()} starts it again on the same ports and folder, so its topics, offsets and idempotent
 * producer state are those it had. spring-kafka-test's embedded KRaft broker cannot do that: it ignores fixed ports and
 * formats fresh temporary folders at every start.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    private final Path dir;
    private final int port;
    private Process process;

    private KafkaBrokerProcess(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Formats a broker in {@code dir} on free loopback ports and starts it; returns once it serves metadata. */
    public static KafkaBrokerProcess start(Path dir) throws IOException {
        Files.createDirectories(dir);
        int port = FreePorts.find();
        int controllerPort = FreePorts.find();
        Files.writeString(dir.resolve("server.properties"), """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                log.dirs=%3$s
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                """.formatted(port, controllerPort, dir.resolve("logs")));
        // Kafka logs through SLF4J; without a configuration Logback would print every DEBUG line.
        Files.writeString(dir.resolve("logback.xml"), """
                <configuration>
                  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d %-5level %logger{20} - %msg%n</pattern></encoder>
                  </appender>
                  <root level="WARN"><appender-ref ref="out"/></root>
                </configuration>
                """);
        var broker = new KafkaBrokerProcess(dir, port);
        Process format = broker.java("kafka.tools.StorageTool", List.of("format", "-t",
                Uuid.randomUuid().toString(), "-c", dir.resolve("server.properties").toString()), "format.log");
        try {
            if (!format.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IOException("formatting the Kafka log folder failed: see " + dir.resolve("format.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while formatting the Kafka log folder", e);
        }
        broker.restart();
        return broker;
    }

    /** Starts the broker again on the same ports and log folder; returns once it serves metadata. */
    public void restart() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the broker is still running (pid " + process.pid() + ")");
        }
        java("kafka.Kafka", List.of(dir.resolve("server.properties").toString()), "broker.log");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            Awaitility.await("Kafka broker on port " + port + "; log in " + dir.resolve("broker.log"))
                    .atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("the Kafka broker exited with " + process.exitValue()
                                    + ": see " + dir.resolve("broker.log"));
                        }
                        return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
                    });
        }
    }

    /** SIGTERM and wait: a controlled shutdown that flushes the logs, as a broker being stopped does. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    private Process java(String mainClass, List<String> args, String logFile) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-Dlogback.configurationFile=" + dir.resolve("logback.xml"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(logFile).toFile()).start();
        return process;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }
}
