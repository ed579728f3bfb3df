package io.energywatch.local;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A service run from its Spring Boot executable jar with the {@code local} profile, healthy when the actuator says UP. */
final class SpringBootService implements ManagedServer {

    private final PlatformService service;
    private final Workspace workspace;
    private final PlatformConfig platform;
    private final JavaRuntime jdk;
    private final LocalProcesses processes;
    private final DetachedLauncher launcher;
    private final HttpProbe probe;

    SpringBootService(PlatformService service, Workspace workspace, PlatformConfig platform, JavaRuntime jdk,
                      LocalProcesses processes, DetachedLauncher launcher, HttpProbe probe) {
        this.service = service;
        this.workspace = workspace;
        this.platform = platform;
        this.jdk = jdk;
        this.processes = processes;
        this.launcher = launcher;
        this.probe = probe;
    }

    @Override
    public String name() {
        return service.module();
    }

    @Override
    public List<Integer> ports() {
        return List.of(platform.port(service.portKey()));
    }

    @Override
    public String url() {
        return service.url(platform).toString();
    }

    @Override
    public Path log() {
        return workspace.log(name());
    }

    @Override
    public PidFile pidFile() {
        return workspace.pidFile(name());
    }

    Path jar() {
        return workspace.serviceJar(service.module());
    }

    boolean built() {
        return Files.isRegularFile(jar());
    }

    @Override
    public Process launch() throws IOException {
        var command = new ArrayList<>(List.of(jdk.java(), "-Xmx" + platform.heap(service.portKey()),
                "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(processes.markers(name()));
        command.addAll(List.of("-jar", jar().toString(), "--spring.profiles.active=local"));
        return launcher.start(command, Map.of(), workspace.root(), log());
    }

    @Override
    public boolean healthy() {
        return probe.fieldIsOneOf(URI.create(url() + "/actuator/health"), "status", Set.of("UP"));
    }
}
