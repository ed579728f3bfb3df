package io.energywatch.local;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.energywatch.localmongo.DurableMongoServer;
import org.bson.Document;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The local stack's MongoDB: {@link DurableMongoServer} (mongo-java-server over an H2 file in {@code .energywatch/mongodb},
 * every acknowledged write committed) started as its own JVM, probed with {@code {ping: 1}}. Its limits come from the
 * {@code energywatch.mongodb.*} system properties (see StoreLimits); past them it refuses writes instead of dying.
 */
final class MongoWireServer implements ManagedServer {

    private final Workspace workspace;
    private final PlatformConfig platform;
    private final JavaRuntime jdk;
    private final LocalProcesses processes;
    private final DetachedLauncher launcher;

    MongoWireServer(Workspace workspace, PlatformConfig platform, JavaRuntime jdk, LocalProcesses processes,
                    DetachedLauncher launcher) {
        this.workspace = workspace;
        this.platform = platform;
        this.jdk = jdk;
        this.processes = processes;
        this.launcher = launcher;
    }

    @Override
    public String name() {
        return "mongodb";
    }

    @Override
    public List<Integer> ports() {
        return List.of(platform.port("mongodb"));
    }

    @Override
    public String url() {
        return "mongodb://" + platform.host() + ":" + platform.port("mongodb") + "/" + platform.mongoDatabase();
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
    public Process launch() throws IOException {
        var command = new ArrayList<>(List.of(jdk.java(), "-Xmx" + platform.heap(name()),
                "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(processes.markers(name()));
        command.addAll(KafkaBroker.LOG_FORMAT);
        // Every client connect and disconnect is logged at INFO, health probes included.
        command.add("-Dorg.slf4j.simpleLogger.log.de.bwaldvogel.mongo.wire.MongoWireProtocolHandler=warn");
        command.addAll(List.of("-cp", workspace.stackLibrary().resolve("*").toString(),
                DurableMongoServer.class.getName(), platform.host(), Integer.toString(platform.port("mongodb")),
                workspace.mongodb().toAbsolutePath().toString()));
        return launcher.start(command, Map.of(), workspace.mongodb(), log());
    }

    @Override
    public boolean healthy() {
        if (!PortCheck.accepts(platform.host(), platform.port("mongodb"))) {
            return false;
        }
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://" + platform.host() + ":" + platform.port("mongodb")))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(2, TimeUnit.SECONDS).readTimeout(3, TimeUnit.SECONDS))
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            Document answer = client.getDatabase("admin").runCommand(new Document("ping", 1));
            return answer.get("ok") instanceof Number ok && ok.doubleValue() == 1.0;
        } catch (MongoException e) {
            return false;
        }
    }
}
