package io.energywatch.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./energywatch reset}: every data folder goes, the logs stay. */
class WorkspaceResetTest {

    @TempDir
    Path root;

    @Test
    void resetDeletesTheServersDataAndTheServicesStateButKeepsTheLogs() throws IOException {
        var workspace = new Workspace(root);
        workspace.createDirectories();
        Files.writeString(workspace.mongodb().resolve("energywatch.mv.db"), "data");
        Files.createDirectories(workspace.dir().resolve("state/fusion/0_1"));
        Files.writeString(workspace.dir().resolve("state/fusion/0_1/store"), "state");
        Files.writeString(workspace.log("kafka"), "log");

        List<Path> deleted = workspace.deleteData();

        assertThat(deleted).contains(workspace.mongodb(), workspace.kafka(), workspace.dir().resolve("state"));
        assertThat(workspace.mongodb()).doesNotExist();
        assertThat(workspace.dir().resolve("state")).doesNotExist();
        assertThat(workspace.log("kafka")).hasContent("log");
        assertThat(workspace.deleteData()).isEmpty();
    }

    @Test
    void resetIsACommandWithoutArguments() {
        assertThat(CommandLine.parse(List.of("reset"))).isEqualTo(new Command.Reset());
    }
}
