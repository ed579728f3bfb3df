package io.energywatch.ingestion.formats;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LineLimitsTest {

    static final String HEADER = "region,day,TempMax_Deg,TempMin_Deg,Wind_kmh,Wet_percent,Visibility_km,"
            + "CloudCoverage_percent,Dayduration_Min\n";

    /** A stream of {@code size} bytes of 'x' that is never held in memory as a whole. */
    private static InputStream repeated(long size) {
        return new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
    }

    @Test
    void a50MegabyteLineIsRejectedWithoutReadingItIntoMemoryAndParsingGoesOn() throws IOException {
        var in = new SequenceInputStream(Collections.enumeration(List.of(
                new java.io.ByteArrayInputStream(HEADER.getBytes(StandardCharsets.UTF_8)),
                repeated(50L * 1024 * 1024),
                new java.io.ByteArrayInputStream("\nBretagne,2019/01/01,5,3,6,94,5,83,513\n"
                        .getBytes(StandardCharsets.UTF_8)))));
        var sink = new RecordingSink();

        new SourceParsers().forFormat(SourceFormat.HISTORIQUE_METEO).parse(in, RecordingSink.context(), sink);

        assertThat(sink.rejected).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.field()).isNull();
            assertThat(r.reason()).isEqualTo("line 2 is longer than 1048576 characters and was not read");
            assertThat(r.raw()).hasSizeLessThanOrEqualTo(Raw.MAX_CHARS + 1);
        });
        assertThat(sink.weather()).singleElement().satisfies(w -> assertThat(w.regionCode()).isEqualTo("53"));
        assertThat(sink.accepted.getFirst().line()).isEqualTo(3);
    }

    @Test
    void aTruncatedLastLineIsRejectedNamingItsLine() {
        var sink = RecordingSink.parse(SourceFormat.HISTORIQUE_METEO, HEADER
                + "Bretagne,2019/01/01,5,3,6,94,5,83,513\n"
                + "Bretagne,2019/01/02,5,3,6,9");

        assertThat(sink.weather()).hasSize(1);
        assertThat(sink.rejected).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.reason()).isEqualTo("line 3 has 6 columns where the header has 9 (a truncated or malformed line)");
            assertThat(r.raw()).isEqualTo("Bretagne,2019/01/02,5,3,6,9");
        });
    }

    @Test
    void aLineWithTooManyColumnsIsRejectedAndWindowsLineEndsAreFine() {
        var sink = RecordingSink.parse(SourceFormat.HISTORIQUE_METEO, HEADER.replace("\n", "\r\n")
                + "Bretagne,2019/01/01,5,3,6,94,5,83,513,extra\r\n"
                + "Bretagne,2019/01/02,5,3,6,94,5,83,513\r\n");

        assertThat(sink.rejected).singleElement().satisfies(r -> assertThat(r.reason()).contains("10 columns"));
        assertThat(sink.weather()).singleElement().satisfies(w -> assertThat(w.dayDurationMin()).isEqualTo(513));
    }

    @Test
    void anUploadWithoutAHeaderLineIsUnreadable() {
        assertThatThrownBy(() -> RecordingSink.parse(SourceFormat.ODRE_TEMPERATURE, ""))
                .isInstanceOf(UnreadableUploadException.class).hasMessage("the upload is empty: no header line");
        assertThatThrownBy(() -> RecordingSink.parse(SourceFormat.ODRE_TEMPERATURE, "a;b;c\n1;2;3\n"))
                .isInstanceOf(UnreadableUploadException.class)
                .hasMessage("the header has no column 'Date' that format odre-temperature needs; columns seen: [a, b, c]");
    }
}
