package io.energywatch.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/** A single-node Kafka broker in KRaft mode, run from the Kafka jars of local-stack's classpath. */
final class KafkaBroker implements ManagedServer {

    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(90);
    /** slf4j-simple is the broker's logger here: wall-clock timestamps instead of milliseconds since start. */
    static final List<String> LOG_FORMAT = List.of("-Dorg.slf4j.simpleLogger.showDateTime=true",
            "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS");
    private static final Pattern CLUSTER_ID = Pattern.compile("[A-Za-z0-9_-]{22}");

    private final Workspace workspace;
    private final PlatformConfig platform;
    private final JavaRuntime jdk;
    private final LocalProcesses processes;
    private final DetachedLauncher launcher;

    KafkaBroker(Workspace workspace, PlatformConfig platform, JavaRuntime jdk, LocalProcesses processes,
                DetachedLauncher launcher) {
        this.workspace = workspace;
        this.platform = platform;
        this.jdk = jdk;
        this.processes = processes;
        this.launcher = launcher;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public List<Integer> ports() {
        return List.of(platform.port("kafka"), platform.port("kafka-controller"));
    }

    @Override
    public String url() {
        return bootstrapServers();
    }

    private String bootstrapServers() {
        return platform.host() + ":" + platform.port("kafka");
    }

    @Override
    public Path log() {
        return workspace.log(name());
    }

    @Override
    public PidFile pidFile() {
        return workspace.pidFile(name());
    }

    private Path dataDirectory() {
        return workspace.kafka().resolve("data");
    }

    private Path serverProperties() {
        return workspace.kafka().resolve("server.properties");
    }

    /** The KRaft single-node configuration; written at every start so it follows energywatch-platform.yml. */
    String configuration() {
        String host = platform.host();
        return """
                # Written by ./energywatch at every start: edit energywatch-platform.yml or KafkaBroker instead.
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@%1$s:%3$d
                listeners=PLAINTEXT://%1$s:%2$d,CONTROLLER://%1$s:%3$d
                advertised.listeners=PLAINTEXT://%1$s:%2$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%4$s
                num.partitions=1
                auto.create.topics.enable=true
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                """.formatted(host, platform.port("kafka"), platform.port("kafka-controller"), dataDirectory());
    }

    @Override
    public void prepare() throws IOException {
        requireLibrary();
        Files.createDirectories(dataDirectory());
        Files.writeString(serverProperties(), configuration());
        if (!Files.exists(dataDirectory().resolve("meta.properties"))) {
            String clusterId = runTool(List.of("random-uuid")).lines().map(String::strip)
                    .filter(line -> CLUSTER_ID.matcher(line).matches()).reduce((first, second) -> second)
                    .orElseThrow(() -> new StackException("kafka.tools.StorageTool random-uuid printed no cluster id:"
                            + " see " + workspace.display(formatLog())));
            runTool(List.of("format", "-t", clusterId, "-c", serverProperties().toString()));
        }
    }

    private void requireLibrary() {
        if (!Files.isDirectory(workspace.stackLibrary())) {
            throw new StackException(workspace.display(workspace.stackLibrary()) + " is missing: build it with"
                    + " ./mvnw -pl local-stack -am install -DskipTests");
        }
    }

    private Path formatLog() {
        return workspace.log("kafka-storage-format");
    }

    /** Runs Kafka's StorageTool in the foreground and returns its standard output (also appended to its log). */
    private String runTool(List<String> arguments) throws IOException {
        var command = new ArrayList<>(List.of(jdk.java(), "-Xmx256m", "-cp", classpath(), "kafka.tools.StorageTool"));
        command.addAll(arguments);
        Path output = workspace.kafka().resolve("storage-tool.out");
        Files.createDirectories(formatLog().getParent());
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(formatLog().toFile()))
                .start();
        try {
            boolean finished = process.waitFor(TOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            String printed = Files.readString(output);
            Files.writeString(formatLog(), printed, StandardOpenOption.APPEND);
            if (!finished) {
                process.destroyForcibly();
                throw new StackException("kafka.tools.StorageTool " + arguments.getFirst() + " did not finish in "
                        + TOOL_TIMEOUT.toSeconds() + " s: see " + workspace.display(formatLog()));
            }
            if (process.exitValue() != 0) {
                throw new StackException("kafka.tools.StorageTool " + arguments.getFirst() + " failed (exit code "
                        + process.exitValue() + "): see " + workspace.display(formatLog()));
            }
            return printed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new StackException("interrupted while formatting Kafka storage");
        }
    }

    private String classpath() {
        return workspace.stackLibrary().resolve("*").toString();
    }

    @Override
    public Process launch() throws IOException {
        var command = new ArrayList<>(List.of(jdk.java(), "-Xmx" + platform.heap(name()),
                "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(processes.markers(name()));
        command.addAll(LOG_FORMAT);
        command.addAll(List.of("-cp", classpath(), "kafka.Kafka", serverProperties().toString()));
        return launcher.start(command, Map.of(), workspace.kafka(), log());
    }

    /** Healthy once the broker answers a metadata request; the port check first keeps the admin client quiet. */
    @Override
    public boolean healthy() {
        if (!PortCheck.accepts(platform.host(), platform.port("kafka"))) {
            return false;
        }
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster().nodes().get(4, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while probing Kafka");
        }
    }
}
