package io.energywatch.ingestion.formats;

import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimestampsTest {

    @Test
    void offsetInstantsAgreeWithTheIsoParserOnEveryShape() {
        SplittableRandom random = new SplittableRandom(11);
        DateTimeFormatter minutes = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mmxxx");
        for (int i = 0; i < 50_000; i++) {
            var local = LocalDateTime.ofEpochSecond(random.nextLong(-2_000_000_000L, 4_000_000_000L), 0,
                    ZoneOffset.UTC);
            var offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 4, 18 * 4 + 1) * 900);
            var at = OffsetDateTime.of(local, offset);
            String seconds = at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            String shortForm = at.withSecond(0).format(minutes);
            String fraction = at.withNano(123_000_000).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            for (String text : new String[]{seconds, shortForm, fraction}) {
                assertThat(Timestamps.offsetInstant(text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
            }
        }
        assertThat(Timestamps.offsetInstant("2024-10-27T02:30:00+01:00")).isEqualTo(Instant.parse("2024-10-27T01:30:00Z"));
        assertThat(Timestamps.offsetInstant("2024-10-27T02:30:00Z")).isEqualTo(Instant.parse("2024-10-27T02:30:00Z"));
        assertThat(Timestamps.offsetInstant("2024-10-27T02:30-00:30")).isEqualTo(Instant.parse("2024-10-27T03:00:00Z"));
    }

    @Test
    void refusesWhatTheIsoParserRefuses() {
        for (String bad : new String[]{"2024-13-01T00:00:00+01:00", "2024-02-30T00:00:00+01:00",
                "2024-01-01T24:00:00+01:00", "2024-01-01T00:60:00Z", "2024-01-01T00:00:00+19:00", "2024-01-01 00:00:00",
                "2024-01-01T0a:00:00+01:00", "", "2024-01-01T00:00:00+0100x"}) {
            assertThatThrownBy(() -> OffsetDateTime.parse(bad)).as(bad).isInstanceOf(DateTimeException.class);
            assertThatThrownBy(() -> Timestamps.offsetInstant(bad)).as(bad).isInstanceOf(DateTimeException.class);
        }
    }

    @Test
    void localDateTimesReadDirectlyAsBefore() {
        assertThat(Timestamps.parse("Date", "2024-03-31 02:30")).isEqualTo(
                new Timestamps.Local(LocalDateTime.parse("2024-03-31T02:30"), false));
        assertThat(Timestamps.parse("Date", "2024-03-31T02:30:15")).isEqualTo(
                new Timestamps.Local(LocalDateTime.parse("2024-03-31T02:30:15"), false));
        assertThat(Timestamps.parse("Date", "2024-03-31T02:30:15.5")).isEqualTo(
                new Timestamps.Local(LocalDateTime.parse("2024-03-31T02:30:15.5"), false));
        assertThatThrownBy(() -> Timestamps.parse("Date", "2024-02-30 10:00"))
                .isInstanceOf(RecordRejected.class).hasMessageContaining("'2024-02-30 10:00' is not a timestamp");
    }
}
