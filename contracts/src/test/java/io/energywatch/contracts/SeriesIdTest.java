package io.energywatch.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeriesIdTest {

    @Test
    void parsesAndPrintsTheDesignExamples() {
        for (String id : new String[] {"electricity:FR:odre:PT30M", "gas:FR:odre:PT1H", "electricity:93:eco2mix:PT30M",
                "gas:53:grtgaz:PT1H", "electricity:meter-uci-1:uci:PT1H", "electricity:11:ext-acme:P1D"}) {
            assertThat(SeriesId.parse(id).toString()).isEqualTo(id);
        }
    }

    @Test
    void knowsStepLengthsAndAreaKinds() {
        assertThat(SeriesId.parse("electricity:FR:odre:PT30M").stepHours()).isEqualTo(0.5);
        assertThat(SeriesId.parse("electricity:FR:odre:P1D").stepHours()).isEqualTo(24.0);
        assertThat(SeriesId.parse("electricity:FR:odre:PT30M").isNational()).isTrue();
        assertThat(SeriesId.parse("gas:53:grtgaz:PT1H").isRegional()).isTrue();
        assertThat(SeriesId.parse("electricity:FR:odre:PT30M").withResolution("P1D").toString())
                .isEqualTo("electricity:FR:odre:P1D");
    }

    @Test
    void rejectsMalformedIdsNamingThePart() {
        assertThatThrownBy(() -> SeriesId.parse("electricity:FR:odre")).hasMessageContaining("{carrier}");
        assertThatThrownBy(() -> SeriesId.parse("water:FR:odre:PT1H")).hasMessageContaining("carrier 'water'");
        assertThatThrownBy(() -> SeriesId.parse("electricity:Paris:odre:PT1H")).hasMessageContaining("area 'Paris'");
        assertThatThrownBy(() -> SeriesId.parse("electricity:FR:acme:PT1H")).hasMessageContaining("source 'acme'");
        assertThatThrownBy(() -> SeriesId.parse("electricity:FR:odre:30min")).hasMessageContaining("resolution '30min'");
        assertThatThrownBy(() -> SeriesId.parse("electricity:FR:odre:P1M")).hasMessageContaining("PnD");
    }
}
