package io.energywatch.ingestion.formats;

import io.energywatch.contracts.Carrier;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.QualityFlag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class GenericParsersTest {

    static final ColumnMapping BY_SERIES = new ColumnMapping("ts", "value", MeasurementUnit.KW, null, "series", null,
            null, null, null, null, List.of());
    static final ColumnMapping BY_REGION = new ColumnMapping("time", "mw", null, "unit", null, "region", null,
            Carrier.GAS, "ext-acme", "PT1H", List.of());

    private static RecordingSink csv(String text, ColumnMapping mapping) {
        return RecordingSink.parse(SourceFormat.GENERIC_CSV, text, StandardCharsets.UTF_8, RecordingSink.context(mapping));
    }

    private static RecordingSink json(String text, ColumnMapping mapping) {
        return RecordingSink.parse(SourceFormat.GENERIC_JSON, text, StandardCharsets.UTF_8, RecordingSink.context(mapping));
    }

    @Test
    void theDelimiterIsDetectedAndEveryTimestampShapeIsRead() {
        var sink = csv("""
                ts|series|value
                2024-06-01T10:00:00Z|electricity:meter-a1:ext-acme:PT1H|1.5
                2024-06-01 12:00:00|electricity:meter-a1:ext-acme:PT1H|2
                2024-06-01T14:00+02:00|electricity:meter-a1:ext-acme:PT1H|3
                01/06/2024|electricity:meter-a1:ext-acme:P1D|40
                """, BY_SERIES);

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.consumption()).extracting(c -> c.intervalStart() + "/" + c.intervalEnd() + " " + c.value())
                .containsExactly(
                        "2024-06-01T10:00:00Z/2024-06-01T11:00:00Z 1.5",
                        "2024-06-01T10:00:00Z/2024-06-01T11:00:00Z 2.0",
                        "2024-06-01T12:00:00Z/2024-06-01T13:00:00Z 3.0",
                        "2024-05-31T22:00:00Z/2024-06-01T22:00:00Z 40.0");
    }

    @Test
    void semicolonFilesTakeCommaDecimalsAndRegionsBuildTheSeries() {
        var sink = csv("""
                time;region;mw;unit
                2024-06-01 10:00:00;Bretagne;12,5;MWh
                2024-06-01 11:00:00;93;;MWh
                2024-06-01 12:00:00;Atlantide;1;MWh
                2024-06-01 13:00:00;93;-1;MWh
                2024-06-01 14:00:00;93;1;litres
                """, BY_REGION);

        assertThat(sink.consumption()).extracting(c -> c.seriesId() + " " + c.value() + " " + c.flags()).containsExactly(
                "gas:53:ext-acme:PT1H 12.5 []", "gas:93:ext-acme:PT1H null [MISSING]");
        assertThat(sink.consumption().getFirst().regionCode()).isEqualTo("53");
        assertThat(sink.rejected).extracting(RecordingSink.Rejected::reason).containsExactly(
                "region 'Atlantide' is not a known region",
                "mw '-1' is negative; consumption cannot be",
                "unit 'litres' is not MW, kW, MWh, kWh or GWh");
    }

    @Test
    void localTimesFollowTheDstRulesPerSeries() {
        var sink = csv("""
                ts,series,value
                2024-03-31 02:30:00,electricity:meter-a:ext-acme:PT30M,1
                2024-10-27 02:00:00,electricity:meter-a:ext-acme:PT30M,2
                2024-10-27 02:00:00,electricity:meter-b:ext-acme:PT30M,3
                2024-10-27 02:00:00,electricity:meter-a:ext-acme:PT30M,4
                2024-10-27 03:00:00,electricity:meter-a:ext-acme:PT30M,5
                2024-10-27 03:00:00,electricity:meter-b:ext-acme:PT30M,6
                """, BY_SERIES);

        assertThat(sink.rejected).singleElement().satisfies(r -> assertThat(r.reason()).contains("DST gap"));
        assertThat(sink.consumption()).extracting(c -> c.area() + " " + c.intervalStart() + " " + c.flags())
                .containsExactly(
                        "meter-a 2024-10-27T00:00:00Z []",
                        "meter-b 2024-10-27T00:00:00Z [DST_AMBIGUOUS]",
                        "meter-a 2024-10-27T01:00:00Z []",
                        "meter-a 2024-10-27T02:00:00Z []",
                        "meter-b 2024-10-27T02:00:00Z []");
        assertThat(sink.callLines).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void aJsonArrayIsStreamedWithTheLineOfEachObject() {
        var sink = json("""
                [
                  {"ts": "2024-06-01T10:00:00Z", "series": "electricity:meter-a1:ext-acme:PT1H", "value": 1.5},
                  {"ts": "2024-06-01T11:00:00Z", "series": "electricity:meter-a1:ext-acme:PT1H", "value": "NaN"},
                  {"ts": "2024-06-01T12:00:00Z", "series": "electricity:meter-a1:ext-acme:PT1H", "value": null,
                   "meta": {"ignored": [1, 2]}}
                ]
                """, BY_SERIES);

        assertThat(sink.accepted).extracting(RecordingSink.Accepted::line).containsExactly(2L, 4L);
        assertThat(sink.consumption().get(1).flags()).containsExactly(QualityFlag.MISSING);
        assertThat(sink.rejected).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.reason()).isEqualTo("value 'NaN' is not a number");
        });
    }

    @Test
    void aMappedMemberHoldingAnObjectOrArrayIsARejectionNamingItNotAMissingValue() {
        var sink = json("""
                [
                  {"ts": "2024-06-01T10:00:00Z", "series": "electricity:meter-a1:ext-acme:PT1H", "value": {"$gt": ""}},
                  {"ts": ["2024-06-01T11:00:00Z"], "series": "electricity:meter-a1:ext-acme:PT1H", "value": 2},
                  {"ts": "2024-06-01T12:00:00Z", "series": {"$where": "1"}, "value": 3},
                  {"ts": "2024-06-01T13:00:00Z", "series": "electricity:meter-a1:ext-acme:PT1H", "value": 4}
                ]
                """, BY_SERIES);

        assertThat(sink.consumption()).singleElement().satisfies(c -> assertThat(c.value()).isEqualTo(4.0));
        assertThat(sink.rejected).extracting(RecordingSink.Rejected::line, RecordingSink.Rejected::field,
                RecordingSink.Rejected::reason).containsExactly(
                tuple(2L, "value", "field value holds a JSON object where a text or number was expected"),
                tuple(3L, "ts", "field ts holds a JSON array where a text or number was expected"),
                tuple(4L, "series", "field series holds a JSON object where a text or number was expected"));
    }

    @Test
    void ndjsonIsReadObjectByObjectAndBrokenJsonStopsWithOneRejection() {
        var sink = json("""
                {"ts": "2024-06-01T10:00:00Z", "series": "electricity:meter-a1:ext-acme:PT1H", "value": 1}
                {"ts": "2024-06-01T11:00:00Z", "series": "electricity:meter-a1:ext-acme:PT1H", "value": 2}
                {"ts": "2024-06-01T12:00:00Z", "series": "electricity:meter-a1:ext-acme:PT1H" "value": 3}
                """, BY_SERIES);

        assertThat(sink.consumption()).extracting(c -> c.intervalStart())
                .containsExactly(Instant.parse("2024-06-01T10:00:00Z"), Instant.parse("2024-06-01T11:00:00Z"));
        assertThat(sink.rejected).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.reason()).startsWith("the JSON breaks at line 3");
        });
    }

    @Test
    void genericFormatsWithoutAMappingOrWithMissingColumnsAreUnreadable() {
        assertThatThrownBy(() -> csv("a,b\n1,2\n", null))
                .isInstanceOf(UnreadableUploadException.class).hasMessageContaining("needs a column mapping");
        assertThatThrownBy(() -> csv("ts,value\n2024-06-01T10:00:00Z,1\n", BY_SERIES))
                .isInstanceOf(UnreadableUploadException.class)
                .hasMessage("the column mapping names column 'series' but the header (split on ',') has only [ts, value]");
        assertThatThrownBy(() -> json("not json at all", BY_SERIES))
                .isInstanceOf(UnreadableUploadException.class).hasMessageStartingWith("the upload is not JSON");
    }
}
