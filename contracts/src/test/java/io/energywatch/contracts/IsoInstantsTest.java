package io.energywatch.contracts;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class IsoInstantsTest {

    @Test
    void writesWhatIsoInstantWritesOverTheWholeRangeAndEveryFractionWidth() {
        SplittableRandom random = new SplittableRandom(7);
        long min = Instant.parse("-0500-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("+12000-01-01T00:00:00Z").getEpochSecond();
        int[] nanos = {0, 1, 999_999_999, 500_000_000, 120_000, 123_456_789, 1_000_000};
        for (int i = 0; i < 200_000; i++) {
            int nano = i % 2 == 0 ? nanos[i % nanos.length] : random.nextInt(1_000_000_000);
            Instant instant = Instant.ofEpochSecond(random.nextLong(min, max), nano);
            assertThat(IsoInstants.format(instant)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
        }
    }

    @Test
    void handlesTheEdgesOfTheFastRangeAndLeapDays() {
        for (String text : new String[]{"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999Z", "2024-02-29T12:30:00Z", "2000-02-29T00:00:00.000001Z",
                "1900-03-01T00:00:00Z", "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z"}) {
            Instant instant = Instant.parse(text);
            assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString()).isEqualTo(text);
        }
    }

    @Test
    void eventJsonWritesInstantsAsBefore() {
        Instant start = Instant.parse("2024-03-31T00:30:00Z");
        String json = EventJson.MAPPER.writeValueAsString(new Holder(start, Instant.parse("2024-03-31T01:00:00.25Z")));
        assertThat(json).isEqualTo("{\"a\":\"2024-03-31T00:30:00Z\",\"b\":\"2024-03-31T01:00:00.250Z\"}");
        assertThat(EventJson.MAPPER.readValue(json, Holder.class)).isEqualTo(new Holder(start,
                Instant.parse("2024-03-31T01:00:00.25Z")));
    }

    @Test
    void readsWhatInstantParseReadsForEveryFractionWidth() {
        SplittableRandom random = new SplittableRandom(11);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(min, max), random.nextInt(1_000_000_000));
            String full = DateTimeFormatter.ISO_INSTANT.format(instant);
            // Every width from none to nine digits, e.g. what another producer may write.
            int width = i % 10;
            String text = full.substring(0, 19) + (width == 0 ? "" : "." + String.format("%09d", instant.getNano())
                    .substring(0, width)) + "Z";
            assertThat(IsoInstants.parseFixedWidth(text)).as(text).isNotNull().isEqualTo(Instant.parse(text));
            assertThat(IsoInstants.parse(full)).isEqualTo(instant);
        }
    }

    @Test
    void leavesEveryOtherFormToInstantParseWhichStillDecides() {
        for (String text : new String[]{"2024-03-31t00:30:00z", "2016-12-31T23:59:60Z", "2024-03-31T00:30:00+01:00",
                "+10000-01-01T00:00:00Z", "2024-03-31T00:30Z", "2024-03-31T00:30:00.Z", "2024-03-31T00:30:00.1234567890Z"}) {
            assertThat(IsoInstants.parseFixedWidth(text)).as(text).isNull();
        }
        assertThat(IsoInstants.parse("2016-12-31T23:59:60Z")).isEqualTo(Instant.parse("2016-12-31T23:59:60Z"));
        assertThat(IsoInstants.parse("2024-03-31T00:30:00+01:00")).isEqualTo(Instant.parse("2024-03-30T23:30:00Z"));
        assertThat(IsoInstants.parseFixedWidth("2024-01-01T24:00:00Z")).isNull();
        assertThat(IsoInstants.parse("2024-01-01T24:00:00Z")).isEqualTo(Instant.parse("2024-01-01T24:00:00Z"));
        for (String invalid : new String[]{"2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z",
                "2024-01-01T00:00:00.1234567890Z", "2024-01-0xT00:00:00Z"}) {
            assertThat(IsoInstants.parseFixedWidth(invalid)).as(invalid).isNull();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> IsoInstants.parse(invalid))
                    .isInstanceOf(java.time.format.DateTimeParseException.class);
        }
    }

    @Test
    void eventJsonStillReadsEpochNumbersAndOffsets() {
        assertThat(EventJson.MAPPER.readValue("{\"a\":1711845000,\"b\":\"2024-03-31T02:30:00+02:00\"}", Holder.class))
                .isEqualTo(new Holder(Instant.parse("2024-03-31T00:30:00Z"), Instant.parse("2024-03-31T00:30:00Z")));
    }

    record Holder(Instant a, Instant b) {
    }
}
