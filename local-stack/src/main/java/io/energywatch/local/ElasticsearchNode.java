package io.energywatch.local;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A single-node Elasticsearch from the integ-test distribution that local-stack copies at {@code package}, unpacked
 * once under {@code .energywatch/elasticsearch/}, plain HTTP (security off), run as the user {@code energywatch} when
 * the command runs as root.
 */
final class ElasticsearchNode implements ManagedServer {

    static final String CLUSTER_NAME = "energywatch-local";
    private static final SystemUser SERVICE_USER = new SystemUser("energywatch");

    private final Workspace workspace;
    private final PlatformConfig platform;
    private final JavaRuntime jdk;
    private final LocalProcesses processes;
    private final DetachedLauncher launcher;
    private final HttpProbe probe;

    ElasticsearchNode(Workspace workspace, PlatformConfig platform, JavaRuntime jdk, LocalProcesses processes,
                      DetachedLauncher launcher, HttpProbe probe) {
        this.workspace = workspace;
        this.platform = platform;
        this.jdk = jdk;
        this.processes = processes;
        this.launcher = launcher;
        this.probe = probe;
    }

    @Override
    public String name() {
        return "elasticsearch";
    }

    @Override
    public List<Integer> ports() {
        return List.of(platform.port("elasticsearch"));
    }

    @Override
    public String url() {
        return "http://" + platform.host() + ":" + platform.port("elasticsearch");
    }

    @Override
    public Path log() {
        return workspace.log(name());
    }

    @Override
    public PidFile pidFile() {
        return workspace.pidFile(name());
    }

    @Override
    public boolean writesOwnPidFile() {
        return true;
    }

    String configuration() {
        return """
                # Written by ./energywatch at every start: edit energywatch-platform.yml or ElasticsearchNode instead.
                cluster.name: %s
                node.name: %s
                network.host: %s
                http.port: %d
                discovery.type: single-node
                xpack.security.enabled: false
                # A nearly full developer disk must not turn the indices read-only.
                cluster.routing.allocation.disk.threshold_enabled: false
                """.formatted(CLUSTER_NAME, CLUSTER_NAME, platform.host(), platform.port("elasticsearch"));
    }

    @Override
    public void prepare() throws IOException {
        Path home = DistributionArchive.unpackOnce(workspace.elasticsearchZip(), workspace.elasticsearch());
        Files.writeString(home.resolve("config").resolve("elasticsearch.yml"), configuration());
        if (SystemUser.currentIsRoot()) {
            SERVICE_USER.ensureExists();
            SERVICE_USER.own(home);
            // The node writes its pid itself; it may not create files in our pids folder, so the file is made for it.
            Path pid = pidFile().path();
            Files.createDirectories(pid.getParent());
            Files.deleteIfExists(pid);
            Files.createFile(pid);
            SERVICE_USER.own(pid);
        }
    }

    @Override
    public Process launch() throws IOException {
        Path home = home().orElseThrow(() -> new StackException("Elasticsearch is not unpacked under "
                + workspace.display(workspace.elasticsearch())));
        var command = new ArrayList<String>();
        if (SystemUser.currentIsRoot()) {
            requireReachableByServiceUser(home);
            command.addAll(List.of("runuser", "-u", SERVICE_USER.name(), "--"));
        }
        // env passes the settings through runuser, which may reset the environment.
        command.addAll(List.of("env",
                "ES_JAVA_HOME=" + jdk.home(),
                "ES_JAVA_OPTS=-Xms" + platform.heap(name()) + " -Xmx" + platform.heap(name()) + " "
                        + String.join(" ", processes.markers(name())),
                home.resolve("bin").resolve("elasticsearch").toString(), "-d", "-p", pidFile().path().toString()));
        return launcher.start(command, Map.of("ES_JAVA_HOME", jdk.home().toString()), home, log());
    }

    /**
     * The node runs as {@code energywatch}, who must be able to enter every folder above the distribution; a checkout
     * under a folder only root can enter (such as the root user's home) would make it fail with an obscure error in its
     * own log.
     */
    private static void requireReachableByServiceUser(Path home) throws IOException {
        Path launcher = home.resolve("bin").resolve("elasticsearch");
        try {
            int exit = new ProcessBuilder("runuser", "-u", SERVICE_USER.name(), "--", "test", "-x", launcher.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            if (exit != 0) {
                throw new StackException("Elasticsearch runs as the system user '" + SERVICE_USER.name()
                        + "', who cannot reach " + launcher + ": a folder above the checkout is closed to other users"
                        + " (such as the root user's home). Clone EnergyWatch under a folder other users can enter"
                        + " or open the folders on the way with chmod o+x.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while checking " + launcher, e);
        }
    }

    /** Cluster health, not {@code GET /}: the integ-test distribution has no root endpoint. */
    @Override
    public boolean healthy() {
        return probe.fieldIsOneOf(URI.create(url() + "/_cluster/health"), "status", Set.of("green", "yellow"));
    }

    @Override
    public List<Path> diagnosticLogs() {
        var logs = new ArrayList<>(List.of(log()));
        home().map(home -> home.resolve("logs").resolve(CLUSTER_NAME + ".log")).ifPresent(logs::add);
        return logs;
    }

    /** The unpacked distribution folder, once unpacked. */
    private Optional<Path> home() {
        if (!Files.isDirectory(workspace.elasticsearch())) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(workspace.elasticsearch())) {
            return children.filter(path -> Files.exists(path.resolve(DistributionArchive.UNPACKED_MARKER)))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
