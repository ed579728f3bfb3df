package io.energywatch.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Starts a server as a detached process that outlives the command: in its own session (so Ctrl-C or a closed
 * terminal does not reach it), with no stdin and its output appended to its log.
 */
final class DetachedLauncher {

    private final Optional<Path> setsid;

    DetachedLauncher() {
        this.setsid = Stream.of("/usr/bin/setsid", "/bin/setsid").map(Path::of).filter(Files::isExecutable).findFirst();
    }

    Process start(List<String> command, Map<String, String> environment, Path workingDirectory, Path log)
            throws IOException {
        Files.createDirectories(log.getParent());
        Files.writeString(log, "%n=== %s energywatch starts: %s%n".formatted(Instant.now(), String.join(" ", command)),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        var full = new ArrayList<String>();
        // setsid execs in place (a child of the JVM is no process-group leader), so the pid stays the server's.
        setsid.ifPresent(path -> full.add(path.toString()));
        full.addAll(command);
        var builder = new ProcessBuilder(full)
                .directory(workingDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        return builder.start();
    }
}
