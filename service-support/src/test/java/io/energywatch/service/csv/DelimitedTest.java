package io.energywatch.service.csv;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The one quoting rule and the line reader every CSV reader of the platform shares. */
class DelimitedTest {

    @Test
    void quotesOpenACellOnlyWhereItStartsAndDoubledQuotesAreOneQuote() {
        var comma = Delimited.by(',');
        assertThat(comma.split("a,\"b,c\",d")).containsExactly("a", "b,c", "d");
        assertThat(comma.split("a,\"say \"\"hi\"\"\"")).containsExactly("a", "say \"hi\"");
        assertThat(comma.split("x\"y\",z")).containsExactly("x\"y\"", "z");
        assertThat(comma.split("a, \"b\"")).containsExactly("a", " \"b\"");
        assertThat(comma.split("\"ab\"cd,e")).containsExactly("abcd", "e");
        assertThat(comma.split("a,\"unterminated")).containsExactly("a", "unterminated");
        assertThat(comma.split("a,b,")).containsExactly("a", "b", "");
        assertThat(comma.split("")).containsExactly("");
        assertThat(Delimited.by(';').split("Grève;\"Paris; Lyon\";12")).containsExactly("Grève", "Paris; Lyon", "12");
    }

    @Test
    void theDelimiterIsTheOneThatSplitsTheHeaderIntoTheMostCellsOutsideQuotes() {
        assertThat(Delimited.guess("a;b;c")).isEqualTo(';');
        assertThat(Delimited.guess("\"x;y\",b,c")).isEqualTo(',');
        assertThat(Delimited.guess("a\tb")).isEqualTo('\t');
        assertThat(Delimited.guess("a|b|c")).isEqualTo('|');
        assertThat(Delimited.guess("2024-01-15;12,5")).as("a tie keeps the comma").isEqualTo(',');
        assertThat(Delimited.guess("single")).isEqualTo(',');
        assertThat(Delimited.describe('\t')).isEqualTo("tab");
    }

    @Test
    void linesAreNumberedFromOneWithoutByteOrderMarkOrCarriageReturnAndBytesAreCounted() throws IOException {
        byte[] bytes = "\uFEFFh1,h2\r\n1,2\r\n\r\nlast".getBytes(StandardCharsets.UTF_8);
        var lines = new CsvLines(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
        assertThat(lines.next()).isEqualTo(new CsvLines.Line(1, "h1,h2", false));
        assertThat(lines.next()).isEqualTo(new CsvLines.Line(2, "1,2", false));
        assertThat(lines.next()).isEqualTo(new CsvLines.Line(3, "", false));
        assertThat(lines.next()).isEqualTo(new CsvLines.Line(4, "last", false));
        assertThat(lines.next()).isNull();
        assertThat(lines.bytesRead()).isEqualTo(bytes.length);
    }

    @Test
    void anOverLongLineKeepsOnlyItsStartAndTheNextLineIsReadWhole() throws IOException {
        String text = "x".repeat(CsvLines.MAX_LINE_CHARS + 10) + "\nnext\n";
        var lines = new CsvLines(new StringReader(text));
        CsvLines.Line long1 = lines.next();
        assertThat(long1.overLong()).isTrue();
        assertThat(long1.text()).hasSize(CsvLines.KEPT_PREFIX_CHARS);
        assertThat(lines.next()).isEqualTo(new CsvLines.Line(2, "next", false));
    }
}
