package io.energywatch.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Resident memory of a process and its descendants, read from a fake /proc holding stat and status files. */
class ResidentMemoryTest {

    @TempDir
    Path proc;

    @Test
    void aProcessWithoutChildrenReportsItsOwnVmRss() throws IOException {
        fakeProcess(100, 1, "java", 393_216);

        var processes = new LocalProcesses(proc, proc.resolve("work"));

        assertThat(processes.residentBytes(List.of(100L))).containsEntry(100L, 393_216L * 1024);
    }

    @Test
    void aForkingServerCountsItsWholeProcessTree() throws IOException {
        fakeProcess(200, 1, "java", 700_000);
        fakeProcess(201, 200, "controller", 20_000);
        fakeProcess(202, 201, "helper", 1_000);
        fakeProcess(300, 1, "bash", 4_000);

        var resident = new LocalProcesses(proc, proc.resolve("work")).residentBytes(List.of(200L, 300L));

        assertThat(resident).containsEntry(200L, 721_000L * 1024).containsEntry(300L, 4_000L * 1024);
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotHideTheParent() throws IOException {
        fakeProcess(400, 1, "java", 100);
        fakeProcess(401, 400, "odd) name (x", 50);

        assertThat(new LocalProcesses(proc, proc.resolve("work")).residentBytes(List.of(400L)))
                .containsEntry(400L, 150L * 1024);
    }

    @Test
    void aProcessThatIsGoneOrHasNoRssIsLeftOut() throws IOException {
        Files.createDirectories(proc.resolve("500"));
        Files.writeString(proc.resolve("500/stat"), "500 (kthreadd) S 2 0 0");
        Files.writeString(proc.resolve("500/status"), "Name:\tkthreadd\nState:\tS (sleeping)\n");

        assertThat(new LocalProcesses(proc, proc.resolve("work")).residentBytes(List.of(500L, 999L))).isEmpty();
    }

    /** A /proc entry as the kernel writes it: stat with the parent in the fourth field, status with VmRSS in kB. */
    private void fakeProcess(long pid, long parent, String name, long rssKilobytes) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(dir.resolve("stat"), pid + " (" + name + ") S " + parent + " " + pid + " " + pid
                + " 0 -1 4194560 1553 0 0 0 12 3 0 0 20 0 1 0 35 8192 117 18446744073709551615");
        Files.writeString(dir.resolve("status"), "Name:\t" + name + "\nState:\tS (sleeping)\nVmPeak:\t  999999 kB\n"
                + "VmRSS:\t" + String.format("%8d", rssKilobytes) + " kB\nRssAnon:\t    1000 kB\nThreads:\t1\n");
    }
}
