package io.energywatch.ingestion.jobs;

import io.energywatch.ingestion.formats.ParseContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ReversedLinesTest {

    @TempDir
    Path dir;

    private String reversed(String content) throws IOException {
        return reversed(content.getBytes(StandardCharsets.UTF_8));
    }

    private String reversed(byte[] content) throws IOException {
        Path file = Files.write(dir.resolve("upload"), content);
        try (ReversedLines lines = ReversedLines.open(file)) {
            return new String(lines.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private long lines(String content) throws IOException {
        Path file = Files.writeString(dir.resolve("count"), content);
        try (ReversedLines lines = ReversedLines.open(file)) {
            return lines.lines();
        }
    }

    @Test
    void theHeaderComesFirstThenTheLinesFromTheLastUp() throws IOException {
        assertThat(reversed("h\na\nb\nc\n")).isEqualTo("h\nc\nb\na\n");
        assertThat(reversed("h\na\nb\nc")).isEqualTo("h\nc\nb\na\n");
        assertThat(reversed("h\r\na\r\nb\r\n")).isEqualTo("h\r\nb\r\na\r\n");
        assertThat(reversed("h\n\na\n")).isEqualTo("h\na\n\n");
    }

    @Test
    void aFileWithOnlyItsHeaderStaysAsItIs() throws IOException {
        assertThat(reversed("h\n")).isEqualTo("h\n");
        assertThat(reversed("h")).isEqualTo("h");
        assertThat(reversed("")).isEmpty();
    }

    @Test
    void theLineCountMapsEachLineReadBackToItsLineInTheFile() throws IOException {
        long n = lines("h\na\nb\nc\n");
        assertThat(n).isEqualTo(4);
        var context = new ParseContext("f", "j", Instant.EPOCH, ParseContext.PARIS, null).fromTheEnd(n);
        // Read: h (1), c (2), b (3), a (4); in the file: h 1, a 2, b 3, c 4.
        assertThat(context.sourceLine(1)).isEqualTo(1);
        assertThat(context.sourceLine(2)).isEqualTo(4);
        assertThat(context.sourceLine(4)).isEqualTo(2);
        assertThat(lines("h\na\nb\nc")).isEqualTo(4);
        assertThat(lines("h\n\na\n")).isEqualTo(3);
    }

    @Test
    void linesLongerThanTheScanBlockAndManyBlocksComeBackWhole() throws IOException {
        var content = new StringBuilder("header;é\n");
        var expected = new StringBuilder("header;é\n");
        int count = 20_000;
        for (int i = 0; i < count; i++) {
            content.append("line ").append(i).append(";é").append(i == 7 ? "x".repeat(200_000) : "").append('\n');
        }
        for (int i = count - 1; i >= 0; i--) {
            expected.append("line ").append(i).append(";é").append(i == 7 ? "x".repeat(200_000) : "").append('\n');
        }
        byte[] bytes = content.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(reversed(bytes)).isEqualTo(expected.toString());
        // Read one byte at a time too: the stream keeps its place between calls.
        Path file = Files.write(dir.resolve("bytes"), bytes);
        try (InputStream in = ReversedLines.open(file)) {
            var out = new java.io.ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                out.write(b);
            }
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
        }
    }
}
