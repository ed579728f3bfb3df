package io.energywatch.anomaly.detection;

import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class UploadedSeriesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void csvWithAHeaderAndExtraColumnsIsReadByColumnName() {
        var rows = UploadedSeries.csv("site,value,timestamp\nA,12.5,2024-01-15T10:00:00Z\nA,,2024-01-15 12:00:00\n",
                PARIS);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).timestamp()).isEqualTo(Instant.parse("2024-01-15T10:00:00Z"));
        assertThat(rows.get(0).value()).isEqualTo(12.5);
        // Local Paris time in winter is UTC+1; an empty value is missing, not zero.
        assertThat(rows.get(1).timestamp()).isEqualTo(Instant.parse("2024-01-15T11:00:00Z"));
        assertThat(rows.get(1).value()).isNull();
    }

    @Test
    void quotedCellsAndSemicolonsAreReadByTheSharedCsvRules() {
        var rows = UploadedSeries.csv("\"timestamp\";\"value\"\n\"2024-01-15T10:00:00Z\";\"12.5\"\n"
                + "2024-01-15T11:00:00Z; 13 \n", PARIS);
        assertThat(rows).extracting(UploadedRow::line, UploadedRow::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, 12.5), org.assertj.core.groups.Tuple.tuple(3L, 13.0));
    }

    @Test
    void aLocalTimeInsideTheSpringForwardGapIsRejectedAndTheRepeatedFallBackHourIsItsFirstOccurrence() {
        var gap = catchThrowableOfType(ProblemException.class,
                () -> UploadedSeries.csv("2024-03-31 02:30:00,5\n", PARIS));
        assertThat(gap.errors()).extracting(ProblemError::line, ProblemError::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "timestamp"));
        assertThat(UploadedSeries.timestamp("2024-10-27 02:30:00", PARIS))
                .isEqualTo(Instant.parse("2024-10-27T00:30:00Z"));
    }

    @Test
    void everyBadRowIsReportedWithItsLineFieldAndReason() {
        String csv = """
                timestamp,value
                2024-01-15T10:00:00Z,10
                yesterday,11
                2024-01-15T12:00:00Z,eleven
                2024-01-15T09:00:00Z,12
                """;
        var problem = catchThrowableOfType(ProblemException.class, () -> UploadedSeries.csv(csv, PARIS));
        assertThat(problem.errors()).extracting(ProblemError::line, ProblemError::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, "timestamp"),
                org.assertj.core.groups.Tuple.tuple(4L, "value"));
        assertThat(problem.errors()).allSatisfy(e -> assertThat(e.reason()).isNotBlank());
    }

    @Test
    void rowsComeBackInFileOrderWithTheirLinesForSeriesOrderToSort() {
        var rows = UploadedSeries.csv("timestamp,value\n2024-01-15T10:00:00Z,1\n2024-01-15T09:00:00Z,2\n"
                + "2024-01-15T09:00:00Z,3\n", PARIS);
        assertThat(rows).extracting(UploadedRow::line, UploadedRow::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, 1.0), org.assertj.core.groups.Tuple.tuple(3L, 2.0),
                org.assertj.core.groups.Tuple.tuple(4L, 3.0));
    }

    @Test
    void aJsonArrayOfTimestampAndValueIsReadWithNullAsMissing() {
        var rows = UploadedSeries.json("""
                [{"timestamp": "2024-07-14T10:00:00+02:00", "value": 3.5},
                 {"timestamp": "2024-07-14T11:00:00+02:00", "value": null}]
                """, PARIS);
        assertThat(rows).extracting(UploadedRow::timestamp).containsExactly(Instant.parse("2024-07-14T08:00:00Z"),
                Instant.parse("2024-07-14T09:00:00Z"));
        assertThat(rows.get(1).value()).isNull();
        var bad = catchThrowableOfType(ProblemException.class,
                () -> UploadedSeries.json("[{\"timestamp\": \"2024-07-14T10:00:00Z\", \"value\": \"x\"}]", PARIS));
        assertThat(bad.errors()).extracting(ProblemError::line, ProblemError::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "value"));
    }
}
