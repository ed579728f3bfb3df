package io.energywatch.drift.analysis;

import io.energywatch.service.web.ProblemException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Uploaded samples: separators, decimal commas, missing cells, malformed lines. */
class SampleCsvTest {

    @Test
    void semicolonFilesWithDecimalCommasReadAsNumbersAndEmptyCellsAsMissing() throws IOException {
        var sample = read("TMoy;jour\n3,5;lundi\n;mardi\n-1,25;\n");

        assertThat(sample.columns()).containsExactly("TMoy", "jour");
        assertThat(sample.numeric(0)).containsExactly(3.5, Double.NaN, -1.25);
        assertThat(sample.numeric(1)).isNull();
        assertThat(sample.text(1)).containsExactly("lundi", "mardi", null);
    }

    @Test
    void aLineWithTheWrongNumberOfCellsIsRefusedWithItsLineNumber() {
        assertThatThrownBy(() -> read("a,b\n1,2\n3\n"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo("invalid-sample");
                    assertThat(e.errors().getFirst().line()).isEqualTo(3L);
                });
    }

    @Test
    void aQuotedCellKeepsTheSeparatorItHolds() throws IOException {
        var sample = read("site;TMoy\n\"Lyon; Part-Dieu\";3,5\n\"Paris\";4\n");

        assertThat(sample.text(0)).containsExactly("Lyon; Part-Dieu", "Paris");
        assertThat(sample.numeric(1)).containsExactly(3.5, 4.0);
    }

    private static SampleCsv read(String content) throws IOException {
        return SampleCsv.read("reference", new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), 1_000);
    }
}
