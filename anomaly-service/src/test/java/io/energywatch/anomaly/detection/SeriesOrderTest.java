package io.energywatch.anomaly.detection;

import io.energywatch.service.web.DuplicatePolicy;
import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

/** Each duplicates policy and the bounded reorder window, on small hand-made series. */
class SeriesOrderTest {

    private static final Instant T0 = Instant.parse("2024-03-04T00:00:00Z");

    private static UploadedRow row(long line, int hour, Double value) {
        return new UploadedRow(line, T0.plusSeconds(3600L * hour), value);
    }

    /** Hours 0, 1, 1, 1, 2 with values 10, 20, null, 40, 50 on lines 2..6. */
    private static final List<UploadedRow> REPEATED = List.of(row(2, 0, 10.0), row(3, 1, 20.0), row(4, 1, null),
            row(5, 1, 40.0), row(6, 2, 50.0));

    @Test
    void firstKeepsTheEarliestLineOfATimestampAndCountsTheOthersDropped() {
        var ordered = SeriesOrder.apply(REPEATED, DuplicatePolicy.FIRST, 1000);
        assertThat(ordered.rows()).extracting(UploadedRow::line, UploadedRow::value)
                .containsExactly(tuple(2L, 10.0), tuple(3L, 20.0), tuple(6L, 50.0));
        assertThat(ordered.report()).isEqualTo(new SeriesOrder.Report("first", 2, 0, 0, 1000));
    }

    @Test
    void lastKeepsTheLatestLineOfATimestamp() {
        var ordered = SeriesOrder.apply(REPEATED, DuplicatePolicy.LAST, 1000);
        assertThat(ordered.rows()).extracting(UploadedRow::line, UploadedRow::value)
                .containsExactly(tuple(2L, 10.0), tuple(5L, 40.0), tuple(6L, 50.0));
        assertThat(ordered.report().duplicatesDropped()).isEqualTo(2);
        assertThat(ordered.report().duplicatesMerged()).isZero();
    }

    @Test
    void meanMergesATimestampsRowsIgnoringMissingValuesAndKeepsAllMissingAsMissing() {
        var ordered = SeriesOrder.apply(REPEATED, DuplicatePolicy.MEAN, 1000);
        assertThat(ordered.rows()).extracting(UploadedRow::line, UploadedRow::value)
                .containsExactly(tuple(2L, 10.0), tuple(3L, 30.0), tuple(6L, 50.0));
        assertThat(ordered.report()).isEqualTo(new SeriesOrder.Report("mean", 0, 2, 0, 1000));

        var allMissing = SeriesOrder.apply(List.of(row(1, 0, null), row(2, 0, null)), DuplicatePolicy.MEAN, 10);
        assertThat(allMissing.rows()).singleElement().satisfies(r -> assertThat(r.value()).isNull());
    }

    @Test
    void rejectRefusesTheFirstRepeatedOrEarlierRowNamingItsLineAndField() {
        var repeated = catchThrowableOfType(ProblemException.class,
                () -> SeriesOrder.apply(REPEATED, DuplicatePolicy.REJECT, 1000));
        assertThat(repeated.errors()).extracting(ProblemError::line, ProblemError::field)
                .containsExactly(tuple(4L, "timestamp"));
        assertThat(repeated.errors().getFirst().reason()).contains("repeats line 3");

        var earlier = catchThrowableOfType(ProblemException.class, () -> SeriesOrder.apply(
                List.of(row(1, 0, 1.0), row(2, 2, 2.0), row(3, 1, 3.0)), DuplicatePolicy.REJECT, 1000));
        assertThat(earlier.errors()).extracting(ProblemError::line, ProblemError::field)
                .containsExactly(tuple(3L, "timestamp"));
        assertThat(earlier.errors().getFirst().reason()).contains("is before line 2");

        var inOrder = SeriesOrder.apply(List.of(row(1, 0, 1.0), row(2, 1, 2.0)), DuplicatePolicy.REJECT, 1000);
        assertThat(inOrder.rows()).hasSize(2);
        assertThat(inOrder.report()).isEqualTo(new SeriesOrder.Report("reject", 0, 0, 0, 1000));
    }

    @Test
    void rowsOutOfOrderWithinTheWindowAreSortedAndCounted() {
        // Hours 0..9 with 3 written after 6 (3 rows late) and 8 after 9 (1 row late).
        int[] hours = {0, 1, 2, 4, 5, 6, 3, 7, 9, 8};
        List<UploadedRow> rows = new ArrayList<>();
        for (int i = 0; i < hours.length; i++) {
            rows.add(row(i + 1, hours[i], (double) hours[i]));
        }
        var ordered = SeriesOrder.apply(rows, DuplicatePolicy.FIRST, 3);
        assertThat(ordered.rows()).extracting(UploadedRow::value)
                .containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0);
        assertThat(ordered.rows().get(3).line()).isEqualTo(7);
        assertThat(ordered.report().rowsReordered()).isEqualTo(2);
        assertThat(ordered.report().duplicatesDropped()).isZero();
    }

    @Test
    void aRowLaterThanTheWindowIsRefusedNamingItsLineAndTheRowItShouldPrecede() {
        int[] hours = {0, 1, 2, 4, 5, 6, 3};
        List<UploadedRow> rows = new ArrayList<>();
        for (int i = 0; i < hours.length; i++) {
            rows.add(row(i + 1, hours[i], 1.0));
        }
        var problem = catchThrowableOfType(ProblemException.class,
                () -> SeriesOrder.apply(rows, DuplicatePolicy.FIRST, 2));
        assertThat(problem.errors()).extracting(ProblemError::line, ProblemError::field)
                .containsExactly(tuple(7L, "timestamp"));
        assertThat(problem.errors().getFirst().reason()).contains("before line 4's").contains("2 rows");
        assertThat(problem.getMessage()).contains("line 7");

        // A window of 0 accepts only an upload already in order (repeats are still resolved by the policy).
        var none = catchThrowableOfType(ProblemException.class, () -> SeriesOrder.apply(
                List.of(row(1, 1, 1.0), row(2, 0, 1.0)), DuplicatePolicy.MEAN, 0));
        assertThat(none.errors()).extracting(ProblemError::line).containsExactly(2L);
        assertThat(SeriesOrder.apply(List.of(row(1, 0, 1.0), row(2, 0, 3.0)), DuplicatePolicy.MEAN, 0).rows())
                .extracting(UploadedRow::value).containsExactly(2.0);
    }

    @Test
    void anUnknownPolicyIsAProblemNamingTheParameter() {
        assertThat(DuplicatePolicy.parse(" Last ")).isEqualTo(DuplicatePolicy.LAST);
        var problem = catchThrowableOfType(ProblemException.class, () -> DuplicatePolicy.parse("newest"));
        assertThat(problem.errors()).extracting(ProblemError::field).containsExactly("duplicates");
        assertThat(problem.errors().getFirst().reason()).contains("first|last|mean|reject");
    }
}
