package io.energywatch.local;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Starts, probes and stops a group of servers as detached processes tracked by pid files. The same logic serves the
 * local stack and the services: idempotent starts, a clear error on a port held by someone else, stop by recorded pid.
 */
final class Supervisor {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration PORT_RELEASE = Duration.ofSeconds(15);

    private final LocalProcesses processes;
    private final Workspace workspace;
    private final String host;
    private final String stopCommand;
    private final PrintStream out;

    /** {@code stopCommand} is what the user runs to stop this group, quoted in error messages. */
    Supervisor(LocalProcesses processes, Workspace workspace, String host, String stopCommand, PrintStream out) {
        this.processes = processes;
        this.workspace = workspace;
        this.host = host;
        this.stopCommand = stopCommand;
        this.out = out;
    }

    /** A server being waited for; {@code launched} is null when it was already running. */
    private record Starting(ManagedServer server, Process launched, long startNanos) {
    }

    /** What {@link #up} does when a server's port is held by a process that is not ours. */
    enum OnPortTaken {
        /** Start nothing at all. */
        START_NONE,
        /** Start the other servers. */
        SKIP_THAT_SERVER
    }

    /**
     * Starts what is not running yet and waits until every server is healthy. Returns the problems, one line each;
     * an empty list means all are up.
     */
    List<String> up(List<ManagedServer> servers, Duration timeout, OnPortTaken onPortTaken) {
        var problems = new ArrayList<String>();
        var toStart = new ArrayList<ManagedServer>();
        var waiting = new ArrayList<Starting>();
        for (ManagedServer server : servers) {
            OptionalLong pid = processes.locate(server.pidFile(), server.name());
            if (pid.isPresent()) {
                out.printf("%-18s already running (pid %d)%n", server.name(), pid.getAsLong());
                waiting.add(new Starting(server, null, System.nanoTime()));
                continue;
            }
            List<String> taken = server.ports().stream().filter(port -> !PortCheck.isFree(host, port))
                    .map(port -> PortCheck.takenByForeignProcess(port, server.name(), stopCommand)).toList();
            if (taken.isEmpty()) {
                toStart.add(server);
            }
            problems.addAll(taken);
        }
        if (!problems.isEmpty() && onPortTaken == OnPortTaken.START_NONE) {
            return problems;
        }
        for (ManagedServer server : toStart) {
            try {
                server.pidFile().delete();
                server.prepare();
                long start = System.nanoTime();
                Process process = server.launch();
                if (!server.writesOwnPidFile()) {
                    server.pidFile().write(process.pid());
                }
                out.printf("%-18s starting (log %s)%n", server.name(), workspace.display(server.log()));
                waiting.add(new Starting(server, process, start));
            } catch (IOException | StackException e) {
                problems.add(server.name() + " could not be started: " + e.getMessage());
            }
        }
        problems.addAll(awaitHealthy(waiting, timeout));
        return problems;
    }

    private List<String> awaitHealthy(List<Starting> waiting, Duration timeout) {
        var problems = new ArrayList<String>();
        var pending = new ArrayList<>(waiting);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty()) {
            for (var iterator = pending.iterator(); iterator.hasNext(); ) {
                Starting starting = iterator.next();
                ManagedServer server = starting.server();
                if (server.healthy()) {
                    if (starting.launched() != null) {
                        out.printf("%-18s healthy after %.1f s%n", server.name(),
                                (System.nanoTime() - starting.startNanos()) / 1e9);
                    }
                    iterator.remove();
                } else {
                    String death = deathOf(starting);
                    if (death != null) {
                        problems.add(server.name() + " " + death + ": see " + logs(server));
                        iterator.remove();
                    }
                }
            }
            if (pending.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                pending.forEach(s -> problems.add(s.server().name() + " is not healthy after " + timeout.toSeconds()
                        + " s (it is left running; ./energywatch status shows it): see " + logs(s.server())));
                break;
            }
            Pause.of(POLL);
        }
        return problems;
    }

    /** Why a server being waited for is gone, or null while it may still come up. */
    private String deathOf(Starting starting) {
        ManagedServer server = starting.server();
        Process launched = starting.launched();
        if (launched == null || server.writesOwnPidFile()) {
            if (launched != null && launched.isAlive()) {
                return null;
            }
            if (launched != null && launched.exitValue() != 0) {
                return "failed to start (launcher exit code " + launched.exitValue() + ")";
            }
            // By role as well as pid file: Elasticsearch writes its pid file only once it is ready.
            boolean alive = processes.locate(server.pidFile(), server.name()).isPresent();
            return alive ? null : "stopped while starting";
        }
        return launched.isAlive() ? null : "exited with code " + launched.exitValue() + " while starting";
    }

    private String logs(ManagedServer server) {
        return server.diagnosticLogs().stream().map(workspace::display).collect(Collectors.joining(" and "));
    }

    /**
     * Stops the servers by their recorded pids, and any process of ours in the given roles that lost its pid file.
     * Returns false when one of their ports is still held (by a process that is not ours) afterwards.
     */
    boolean down(List<ManagedServer> servers, Collection<String> roles) {
        Map<Long, String> targets = new LinkedHashMap<>();
        for (ManagedServer server : servers) {
            processes.running(server.pidFile(), server.name()).ifPresent(pid -> targets.put(pid, server.name()));
        }
        processes.find(roles).forEach((pid, role) -> targets.computeIfAbsent(pid, p -> {
            out.printf("%-18s pid %d has no pid file: stopping it too%n", role, p);
            return role;
        }));
        if (targets.isEmpty()) {
            servers.stream().map(ManagedServer::name).forEach(name -> out.printf("%-18s not running%n", name));
        } else {
            List<Long> killed = processes.stop(targets.keySet(), STOP_GRACE);
            targets.forEach((pid, name) -> out.printf("%-18s stopped (pid %d%s)%n", name, pid,
                    killed.contains(pid) ? ", killed after " + STOP_GRACE.toSeconds() + " s" : ""));
        }
        servers.forEach(server -> server.pidFile().delete());
        boolean portsFree = true;
        for (ManagedServer server : servers) {
            for (int port : server.ports()) {
                if (!PortCheck.awaitFree(host, port, PORT_RELEASE)) {
                    out.printf("port %d (%s) is still in use by a process that energywatch did not start%n",
                            port, server.name());
                    portsFree = false;
                }
            }
        }
        return portsFree;
    }

    ServerStatus status(ManagedServer server) {
        OptionalLong pid = processes.locate(server.pidFile(), server.name());
        ServerStatus.State state;
        if (pid.isPresent()) {
            state = server.healthy() ? ServerStatus.State.HEALTHY : ServerStatus.State.RUNNING;
        } else {
            boolean taken = server.ports().stream().anyMatch(port -> !PortCheck.isFree(host, port));
            state = taken ? ServerStatus.State.PORT_IN_USE : ServerStatus.State.STOPPED;
        }
        OptionalLong resident = OptionalLong.empty();
        if (pid.isPresent()) {
            Long bytes = processes.residentBytes(List.of(pid.getAsLong())).get(pid.getAsLong());
            resident = bytes == null ? OptionalLong.empty() : OptionalLong.of(bytes);
        }
        return new ServerStatus(server.name(), state, pid, server.url(), resident);
    }
}
