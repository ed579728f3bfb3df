package io.energywatch.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Pid files and the recognition of our processes, against a fake /proc. */
class ProcessTrackingTest {

    @TempDir
    Path temp;

    @Test
    void aWrittenPidReadsBack() {
        var pidFile = new PidFile(temp.resolve("pids/kafka.pid"));

        pidFile.write(4242);

        assertThat(pidFile.read()).hasValue(4242);
        assertThat(temp.resolve("pids")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aMissingEmptyOrGarbledPidFileReadsAsNoPid() throws IOException {
        Files.writeString(temp.resolve("empty.pid"), "");
        Files.writeString(temp.resolve("garbled.pid"), "not a pid\n");
        Files.writeString(temp.resolve("negative.pid"), "-3");

        assertThat(new PidFile(temp.resolve("missing.pid")).read()).isEmpty();
        assertThat(new PidFile(temp.resolve("empty.pid")).read()).isEmpty();
        assertThat(new PidFile(temp.resolve("garbled.pid")).read()).isEmpty();
        assertThat(new PidFile(temp.resolve("negative.pid")).read()).isEmpty();
    }

    @Test
    void anElasticsearchPidFileWithoutNewlineIsRead() throws IOException {
        Files.writeString(temp.resolve("elasticsearch.pid"), "13363");

        assertThat(new PidFile(temp.resolve("elasticsearch.pid")).read()).hasValue(13363);
    }

    @Test
    void aPidIsOursOnlyWithBothMarkersOfItsRole() throws IOException {
        Path work = temp.resolve("checkout/.energywatch");
        var processes = new LocalProcesses(temp.resolve("proc"), work);
        fakeProcess(100, concat(List.of("java", "-Xmx512m"), processes.markers("kafka"), List.of("kafka.Kafka")));
        fakeProcess(101, List.of("java", "-Dsomething", "kafka.Kafka"));
        fakeProcess(102, concat(List.of("java"), new LocalProcesses(temp.resolve("proc"), temp.resolve("other"))
                .markers("kafka"), List.of()));

        assertThat(processes.isOurs(100, "kafka")).isTrue();
        assertThat(processes.isOurs(100, "mongodb")).isFalse();
        assertThat(processes.isOurs(101, "kafka")).as("a foreign Kafka").isFalse();
        assertThat(processes.isOurs(102, "kafka")).as("another checkout's Kafka").isFalse();
        assertThat(processes.isOurs(103, "kafka")).as("no such process").isFalse();
    }

    @Test
    void aPidFileNamingARecycledPidCountsAsNotRunning() throws IOException {
        var processes = new LocalProcesses(temp.resolve("proc"), temp.resolve("work"));
        fakeProcess(200, List.of("/usr/bin/vim", "notes.txt"));
        var pidFile = new PidFile(temp.resolve("kafka.pid"));
        pidFile.write(200);

        assertThat(processes.running(pidFile, "kafka")).isEqualTo(OptionalLong.empty());
    }

    @Test
    void findsOurProcessesOfTheGivenRolesWithoutPidFiles() throws IOException {
        var processes = new LocalProcesses(temp.resolve("proc"), temp.resolve("work"));
        fakeProcess(300, concat(List.of("java"), processes.markers("kafka"), List.of()));
        fakeProcess(301, concat(List.of("java"), processes.markers("gateway"), List.of()));
        fakeProcess(302, List.of("bash"));
        Files.createDirectories(temp.resolve("proc/self"));

        assertThat(processes.find(List.of("kafka", "mongodb"))).containsExactly(Map.entry(300L, "kafka"));
        assertThat(processes.find(List.of("gateway"))).containsExactly(Map.entry(301L, "gateway"));
    }

    @Test
    void aServerWhosePidFileWasLostIsStillFoundByItsRole() throws IOException {
        var processes = new LocalProcesses(temp.resolve("proc"), temp.resolve("work"));
        fakeProcess(400, concat(List.of("java"), processes.markers("mongodb"), List.of()));

        assertThat(processes.locate(new PidFile(temp.resolve("pids/mongodb.pid")), "mongodb")).hasValue(400);
        assertThat(processes.locate(new PidFile(temp.resolve("pids/kafka.pid")), "kafka")).isEmpty();
    }

    private void fakeProcess(long pid, List<String> commandLine) throws IOException {
        Path dir = Files.createDirectories(temp.resolve("proc").resolve(Long.toString(pid)));
        Files.write(dir.resolve("cmdline"), (String.join("\0", commandLine) + "\0").getBytes(StandardCharsets.UTF_8));
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
    }
}
