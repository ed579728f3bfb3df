package io.energywatch.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Recognises the processes this checkout started by two marker arguments on their command line (the work folder
 * and a role such as {@code kafka} or {@code gateway}), so a recycled pid or another checkout's server is never
 * taken for ours, and stops them.
 */
final class LocalProcesses {

    static final String OWNER_PROPERTY = "energywatch-cli.owner";
    static final String ROLE_PROPERTY = "energywatch-cli.role";
    private static final String VM_RSS = "VmRSS:";
    private static final long KILOBYTE = 1024;

    private final Path proc;
    private final String ownerArgument;

    /** {@code proc} is /proc; tests pass a folder of fake {@code <pid>/cmdline} files. */
    LocalProcesses(Path proc, Path workDir) {
        this.proc = proc;
        this.ownerArgument = "-D" + OWNER_PROPERTY + "=" + workDir.toAbsolutePath().normalize();
    }

    /** The JVM arguments that mark a process as ours in the given role. */
    List<String> markers(String role) {
        return List.of(ownerArgument, "-D" + ROLE_PROPERTY + "=" + role);
    }

    boolean isOurs(long pid, String role) {
        return commandLine(pid).map(args -> args.containsAll(markers(role))).orElse(false);
    }

    /** The pid in the file if that process is alive and ours in this role; a stale file reads as nothing. */
    OptionalLong running(PidFile file, String role) {
        OptionalLong pid = file.read();
        return pid.isPresent() && isOurs(pid.getAsLong(), role) ? pid : OptionalLong.empty();
    }

    /** Every live process of ours in one of the roles, whether or not a pid file still names it: pid to role. */
    Map<Long, String> find(Collection<String> roles) {
        var found = new TreeMap<Long, String>();
        if (!Files.isDirectory(proc)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc, "[0-9]*")) {
            for (Path entry : entries) {
                long pid = Long.parseLong(entry.getFileName().toString());
                roles.stream().filter(role -> isOurs(pid, role)).findFirst().ifPresent(role -> found.put(pid, role));
            }
        } catch (IOException | NumberFormatException e) {
            throw new StackException("cannot list processes in " + proc + ": " + e.getMessage(), e);
        }
        return found;
    }

    /**
     * Like {@link #running}, but also finds the process of ours in that role when its pid file was lost (deleted, or
     * not yet written by Elasticsearch). The file is not rewritten: Elasticsearch owns its own.
     */
    OptionalLong locate(PidFile file, String role) {
        OptionalLong pid = running(file, role);
        if (pid.isPresent()) {
            return pid;
        }
        var found = find(List.of(role)).keySet();
        return found.size() == 1 ? OptionalLong.of(found.iterator().next()) : OptionalLong.empty();
    }

    /**
     * Stops the processes: SIGTERM to all first so they shut down in parallel, then SIGKILL to those still alive at
     * the deadline. Returns the pids that had to be killed.
     */
    List<Long> stop(Collection<Long> pids, Duration grace) {
        var handles = pids.stream().map(ProcessHandle::of).flatMap(Optional::stream).toList();
        handles.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        var killed = new ArrayList<Long>();
        for (ProcessHandle handle : handles) {
            if (!awaitExit(handle, Math.max(0, deadline - System.nanoTime()))) {
                handle.destroyForcibly();
                awaitExit(handle, TimeUnit.SECONDS.toNanos(5));
                killed.add(handle.pid());
            }
        }
        return killed;
    }

    private static boolean awaitExit(ProcessHandle handle, long nanos) {
        try {
            handle.onExit().get(nanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return !handle.isAlive();
        } catch (ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for pid " + handle.pid() + " to stop");
        }
    }

    /**
     * Resident memory of each process and all its descendants (Elasticsearch's launcher may fork helpers), in bytes,
     * from {@code VmRSS} in {@code /proc/<pid>/status}; a process that is gone is left out. One pass over the process
     * table serves every root.
     */
    Map<Long, Long> residentBytes(Collection<Long> roots) {
        Map<Long, List<Long>> children = childrenByParent();
        var resident = new TreeMap<Long, Long>();
        for (long root : roots) {
            OptionalLong own = vmRssBytes(root);
            if (own.isEmpty()) {
                continue;
            }
            long total = 0;
            var pending = new ArrayDeque<Long>(List.of(root));
            var seen = new HashSet<Long>();
            while (!pending.isEmpty()) {
                long pid = pending.pop();
                if (seen.add(pid)) {
                    total += pid == root ? own.getAsLong() : vmRssBytes(pid).orElse(0);
                    pending.addAll(children.getOrDefault(pid, List.of()));
                }
            }
            resident.put(root, total);
        }
        return resident;
    }

    /** Every live pid by its parent, from the fourth field of {@code /proc/<pid>/stat}. */
    private Map<Long, List<Long>> childrenByParent() {
        var children = new HashMap<Long, List<Long>>();
        if (!Files.isDirectory(proc)) {
            return children;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc, "[0-9]*")) {
            for (Path entry : entries) {
                long pid = Long.parseLong(entry.getFileName().toString());
                parentOf(entry).ifPresent(parent -> children.computeIfAbsent(parent, p -> new ArrayList<>()).add(pid));
            }
        } catch (IOException | NumberFormatException e) {
            throw new StackException("cannot list processes in " + proc + ": " + e.getMessage(), e);
        }
        return children;
    }

    /** The parent pid: the field after the state, which follows the command name's closing parenthesis. */
    private static OptionalLong parentOf(Path processDir) {
        try {
            String stat = Files.readString(processDir.resolve("stat"), StandardCharsets.UTF_8);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 1).strip().split("\\s+");
            return fields.length < 2 ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(fields[1]));
        } catch (IOException | NumberFormatException | StringIndexOutOfBoundsException e) {
            // Exited meanwhile or not readable: it has no children we could count.
            return OptionalLong.empty();
        }
    }

    /** {@code VmRSS: 123456 kB} of one process; empty when it is gone (or a kernel thread, which has none). */
    OptionalLong vmRssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(proc.resolve(Long.toString(pid)).resolve("status"),
                    StandardCharsets.UTF_8)) {
                if (line.startsWith(VM_RSS)) {
                    // The kernel always reports it in kB.
                    String kilobytes = line.substring(VM_RSS.length()).strip().split("\\s+")[0];
                    return OptionalLong.of(Long.parseLong(kilobytes) * KILOBYTE);
                }
            }
            return OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private Optional<List<String>> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(proc.resolve(Long.toString(pid)).resolve("cmdline"));
            if (raw.length == 0) {
                return Optional.empty();
            }
            return Optional.of(Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0")));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // A process exiting while we read it, or one we may not inspect: either way not one we can manage.
            return Optional.empty();
        }
    }
}
