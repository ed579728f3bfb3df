package io.energywatch.fusion.enrichment;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeptDayTest {

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(KeptDay day) {
        List<String> out = new ArrayList<>();
        day.forEach(b -> out.add(new String(b, StandardCharsets.UTF_8)));
        return out;
    }

    @Test
    void keepsMeasurementsInIntervalOrderWhateverOrderTheyArriveIn() {
        KeptDay day = KeptDay.of(3_000, json("{c}")).with(1_000, json("{a}")).with(4_000, json("{d}"))
                .with(2_000, json("{b}"));
        assertThat(texts(day)).containsExactly("{a}", "{b}", "{c}", "{d}");
        assertThat(day.size()).isEqualTo(4);
    }

    @Test
    void aMeasurementOfTheSameIntervalReplacesTheKeptOne() {
        KeptDay day = KeptDay.of(1_000, json("{a}")).with(2_000, json("{b}")).with(3_000, json("{c}"))
                .with(2_000, json("{b corrected, longer}")).with(1_000, json(""));
        assertThat(texts(day)).containsExactly("", "{b corrected, longer}", "{c}");
    }

    @Test
    void theStoreSerdeWritesAndReadsTheSameDay() {
        KeptDay day = KeptDay.of(-5_000, json("{before 1970}")).with(1_700_000_000_000L, json("{é}"));
        var serde = KeptDay.serde();
        KeptDay back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", day));
        assertThat(texts(back)).containsExactly("{before 1970}", "{é}");
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }
}
