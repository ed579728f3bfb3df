package io.energywatch.ingestion.formats;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class SourceParsersTest {

    @Test
    void everyFormatHasItsOwnParser() {
        var parsers = new SourceParsers();

        assertThat(Arrays.stream(SourceFormat.values()).map(f -> parsers.forFormat(f).format()))
                .containsExactly(SourceFormat.values());
        assertThat(parsers.all()).hasSize(SourceFormat.values().length);
    }
}
