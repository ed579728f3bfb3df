package io.energywatch.service.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Records become CSV rows: header from the components, nested records flattened, cells as their JSON says. */
class CsvTableTest {

    enum Severity { LOW, HIGH }

    record Window(Instant from, Instant to) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Row(String id, Severity severity, @Nullable Double valueMw, Window window, List<String> flags,
               Map<String, Long> counts, LocalDate day, Optional<Window> previous, @JsonProperty("is_open") boolean open) {
    }

    record Base(String modelId, int version) {
    }

    record Listed(@JsonUnwrapped Base base, boolean champion) {
    }

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void headerComesFromTheRecordComponentsWithNestedRecordsFlattened() {
        var table = CsvTable.of(List.of(), Row.class, mapper);

        assertThat(table.header()).containsExactly("id", "severity", "valueMw", "window.from", "window.to", "flags",
                "counts", "day", "previous.from", "previous.to", "is_open");
        assertThat(table.rows()).isEmpty();
    }

    @Test
    void cellsSayWhatTheJsonSays() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("a", 1L);
        counts.put("b", 2L);
        var row = new Row("x, \"quoted\"\nline", Severity.HIGH, 12_000_000.0,
                new Window(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:30:00Z")),
                List.of("ESTIMATED", "GAP_FILLED"), counts, LocalDate.of(2024, 1, 1), Optional.empty(), true);
        var missing = new Row("y", Severity.LOW, null, new Window(Instant.EPOCH, Instant.EPOCH), List.of(), Map.of(),
                LocalDate.of(2024, 1, 2), Optional.empty(), false);

        var table = CsvTable.of(List.of(row, missing), Row.class, mapper);

        assertThat(table.rows().get(0)).containsExactly("x, \"quoted\"\nline", "HIGH", "12000000",
                "2024-01-01T00:00:00Z", "2024-01-01T00:30:00Z", "ESTIMATED|GAP_FILLED", "a=1|b=2", "2024-01-01", "", "",
                "true");
        assertThat(table.rows().get(1).get(2)).isEmpty();
    }

    @Test
    void theWrittenTableIsRfc4180AndReadsBack() throws Exception {
        var row = new Row("x, \"quoted\"\nline", Severity.HIGH, 512.5,
                new Window(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:30:00Z")),
                List.of(), Map.of(), LocalDate.of(2024, 1, 1), Optional.empty(), true);
        var out = new StringBuilder();

        CsvTable.of(List.of(row), Row.class, mapper).write(out);

        assertThat(out.toString()).startsWith("id,severity,valueMw,window.from,window.to,flags,counts,day,"
                + "previous.from,previous.to,is_open\r\n\"x, \"\"quoted\"\"\nline\",HIGH,512.5,");
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString())).getRecords();
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.get("id")).isEqualTo("x, \"quoted\"\nline");
            assertThat(r.get("valueMw")).isEqualTo("512.5");
        });
    }

    @Test
    void anUnwrappedRecordIsInlined() {
        var table = CsvTable.of(List.of(new Listed(new Base("m", 3), true)), Listed.class, mapper);

        assertThat(table.header()).containsExactly("modelId", "version", "champion");
        assertThat(table.rows()).containsExactly(List.of("m", "3", "true"));
    }

    @Test
    void rowsThatAreNotRecordsGetTheirColumnsFromTheirJson() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("series", "gas:FR:odre:PT1H");
        first.put("stats", Map.of("count", 3));
        Map<String, Object> second = Map.of("series", "gas:53:grtgaz:PT1H", "extra", "e");

        var table = CsvTable.of(List.of(first, second), null, mapper);

        assertThat(table.header()).containsExactly("series", "stats.count", "extra");
        assertThat(table.rows()).containsExactly(List.of("gas:FR:odre:PT1H", "3", ""),
                List.of("gas:53:grtgaz:PT1H", "", "e"));
    }

    @Test
    void aTextCellASpreadsheetWouldRunAsAFormulaIsDefused() {
        var table = CsvTable.of(List.of(new Base("=HYPERLINK(\"x\")", -1)), Base.class, mapper);

        assertThat(table.rows()).containsExactly(List.of("'=HYPERLINK(\"x\")", "-1"));
    }
}
