package io.energywatch.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A port held by a process energywatch did not start stops {@code up} before anything is launched. */
class PortTakenTest {

    @TempDir
    Path temp;

    @Test
    void aBoundPortIsNotFree() throws IOException {
        try (var foreign = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThat(PortCheck.isFree("127.0.0.1", foreign.getLocalPort())).isFalse();
            assertThat(PortCheck.accepts("127.0.0.1", foreign.getLocalPort())).isTrue();
        }
    }

    @Test
    void theMessageNamesThePortTheServerAndWhatToDo() {
        assertThat(PortCheck.takenByForeignProcess(9092, "kafka", "./energywatch stack down"))
                .isEqualTo("port 9092 (kafka) is in use by another process (not started by energywatch):"
                        + " stop it or run ./energywatch stack down");
    }

    @Test
    void upRefusesToStartAnythingWhenAPortIsTakenByAForeignProcess() throws IOException {
        var workspace = new Workspace(temp);
        var output = new ByteArrayOutputStream();
        var supervisor = new Supervisor(new LocalProcesses(temp.resolve("proc"), workspace.dir()), workspace,
                "127.0.0.1", "./energywatch stack down", new PrintStream(output, true, StandardCharsets.UTF_8));
        try (var foreign = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             var free = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int freePort = free.getLocalPort();
            free.close();
            var blocked = new UnlaunchableServer("kafka", foreign.getLocalPort(), workspace);
            var other = new UnlaunchableServer("mongodb", freePort, workspace);

            List<String> problems = supervisor.up(List.of(blocked, other), Duration.ofSeconds(5),
                    Supervisor.OnPortTaken.START_NONE);

            assertThat(problems).containsExactly("port " + foreign.getLocalPort() + " (kafka) is in use by another"
                    + " process (not started by energywatch): stop it or run ./energywatch stack down");
        }
    }

    /** A server that fails the test if launched. */
    private record UnlaunchableServer(String name, int port, Workspace workspace) implements ManagedServer {

        @Override
        public List<Integer> ports() {
            return List.of(port);
        }

        @Override
        public String url() {
            return "127.0.0.1:" + port;
        }

        @Override
        public Path log() {
            return workspace.log(name);
        }

        @Override
        public PidFile pidFile() {
            return workspace.pidFile(name);
        }

        @Override
        public void prepare() {
            throw new AssertionError(name + " must not be prepared");
        }

        @Override
        public Process launch() {
            throw new AssertionError(name + " must not be launched");
        }

        @Override
        public boolean healthy() {
            return false;
        }
    }
}
