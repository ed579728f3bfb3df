package io.energywatch.ingestion.jobs;

import io.energywatch.service.web.DuplicatePolicy;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.Lineage;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.QualityFlag;
import io.energywatch.contracts.QualityStatus;
import io.energywatch.contracts.SeriesId;
import io.energywatch.ingestion.formats.RecordSink;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UploadOrderTest {

    private static final Instant T0 = Instant.parse("2024-01-15T00:00:00Z");
    private static final SeriesId SERIES = SeriesId.parse("electricity:FR:ext-test:PT30M");
    private static final SeriesId OTHER = SeriesId.parse("gas:FR:ext-test:PT1H");

    /** Every outcome in the order the store receives it. */
    private static final class Recorder implements RecordSink {
        final List<String> calls = new ArrayList<>();
        final List<ConsumptionMeasured> accepted = new ArrayList<>();
        final List<String> reasons = new ArrayList<>();

        @Override
        public void accept(long line, EnergyWatchEvent event) {
            accepted.add((ConsumptionMeasured) event);
            calls.add("accept " + line);
        }

        @Override
        public void reject(long line, @Nullable String field, String reason, String raw) {
            calls.add("reject " + line + " " + field);
            reasons.add(reason);
        }

        @Override
        public void duplicate(long line, EnergyWatchEvent dropped) {
            calls.add("duplicate " + line);
        }

        List<Double> values() {
            return accepted.stream().map(ConsumptionMeasured::value).toList();
        }

        List<Long> minutes() {
            return accepted.stream().map(m -> Duration.between(T0, m.intervalStart()).toMinutes()).toList();
        }
    }

    private static ConsumptionMeasured at(SeriesId series, int halfHour, @Nullable Double value, long line) {
        Instant start = T0.plus(Duration.ofMinutes(30L * halfHour));
        return ConsumptionMeasured.of(series, null, start, start.plus(Duration.ofMinutes(30)), value,
                MeasurementUnit.MW, QualityStatus.DEFINITIVE, List.of(),
                new Lineage("fixture.csv", "job-1", line, T0));
    }

    /** Feeds {@code halfHours[i]} (value i + 1) as line i + 2, then ends the input. */
    private static UploadOrder feed(Recorder out, DuplicatePolicy policy, int window, int... halfHours) {
        var order = new UploadOrder(out, policy, window);
        for (int i = 0; i < halfHours.length; i++) {
            order.accept(i + 2, at(SERIES, halfHours[i], i + 1.0, i + 2));
        }
        order.finish();
        return order;
    }

    @Test
    void rowsOutOfPlaceWithinTheWindowAreReleasedInTimeOrderAndCounted() {
        var out = new Recorder();
        var order = feed(out, DuplicatePolicy.FIRST, 3, 0, 2, 1, 3, 5, 4);

        assertThat(out.minutes()).containsExactly(0L, 30L, 60L, 90L, 120L, 150L);
        assertThat(out.calls).containsExactly("accept 2", "accept 4", "accept 3", "accept 5", "accept 7", "accept 6");
        assertThat(order.report(false)).isEqualTo(new UploadOrdering("first", 3, false, 0, 0, 0, 2, 0));
    }

    @Test
    void aRowFurtherOutOfPlaceThanTheWindowIsAcceptedOutOfOrderAndCounted() {
        var out = new Recorder();
        var order = feed(out, DuplicatePolicy.FIRST, 2, 0, 2, 3, 4, 1);

        assertThat(out.minutes()).containsExactly(0L, 60L, 30L, 90L, 120L);
        assertThat(out.calls).contains("accept 6").noneMatch(c -> c.startsWith("reject"));
        assertThat(order.report(false).lateOutOfOrder()).isEqualTo(1);

        // Remembered as published: a later repeat of it is a duplicate under first, not a second record.
        var again = new Recorder();
        var repeated = feed(again, DuplicatePolicy.FIRST, 2, 0, 2, 3, 4, 1, 5, 6, 1);
        assertThat(again.calls).contains("duplicate 9");
        assertThat(repeated.report(false).lateOutOfOrder()).isEqualTo(1);
        assertThat(repeated.report(false).duplicatesDropped()).isEqualTo(1);
    }

    @Test
    void firstKeepsTheEarliestLineOfARepeatedTimestampAndCountsTheOthersAsDuplicates() {
        var out = new Recorder();
        var order = feed(out, DuplicatePolicy.FIRST, 10, 0, 1, 1, 1, 2);

        assertThat(out.values()).containsExactly(1.0, 2.0, 5.0);
        assertThat(out.calls).containsExactly("accept 2", "accept 3", "duplicate 4", "duplicate 5", "accept 6");
        assertThat(order.report(false).duplicatesDropped()).isEqualTo(2);
    }

    @Test
    void lastKeepsTheLatestLine() {
        var out = new Recorder();
        var order = feed(out, DuplicatePolicy.LAST, 10, 0, 1, 1, 1, 2);

        assertThat(out.values()).containsExactly(1.0, 4.0, 5.0);
        assertThat(out.calls).containsExactly("accept 2", "duplicate 3", "duplicate 4", "accept 5", "accept 6");
        assertThat(order.report(false).duplicatesDropped()).isEqualTo(2);
    }

    @Test
    void meanMergesTheRepeatsIntoOneDerivedRecordAndMissingValuesDoNotPullItToZero() {
        var out = new Recorder();
        var order = new UploadOrder(out, DuplicatePolicy.MEAN, 10);
        order.accept(2, at(SERIES, 0, 10.0, 2));
        order.accept(3, at(SERIES, 0, null, 3));
        order.accept(4, at(SERIES, 0, 20.0, 4));
        order.accept(5, at(SERIES, 1, null, 5));
        order.accept(6, at(SERIES, 1, null, 6));
        order.finish();

        assertThat(out.accepted).hasSize(2);
        ConsumptionMeasured merged = out.accepted.getFirst();
        assertThat(merged.value()).isEqualTo(15.0);
        assertThat(merged.powerMw()).isEqualTo(15.0);
        assertThat(merged.energyMwh()).isEqualTo(7.5);
        assertThat(merged.flags()).containsExactly(QualityFlag.DERIVED);
        assertThat(merged.lineage().lineNumber()).isEqualTo(2L);
        assertThat(out.accepted.get(1).value()).isNull();
        assertThat(out.accepted.get(1).flags()).contains(QualityFlag.MISSING);
        assertThat(order.report(false).duplicatesMerged()).isEqualTo(3);
    }

    @Test
    void rejectRefusesEveryRepeatNamingItsLineAndTheLineItRepeats() {
        var out = new Recorder();
        var order = feed(out, DuplicatePolicy.REJECT, 10, 0, 1, 1, 2);

        assertThat(out.values()).containsExactly(1.0, 2.0, 4.0);
        assertThat(out.calls).contains("reject 4 intervalStart");
        assertThat(out.reasons).singleElement().asString().startsWith(
                "repeats electricity:FR:ext-test:PT30M at 2024-01-15T00:30:00Z of line 3; duplicates=reject");
        assertThat(order.report(false).duplicatesRejected()).isEqualTo(1);
    }

    @Test
    void aRepeatArrivingAfterItsTimestampWasReleasedIsADuplicateUnderFirstAndRejectedOtherwise() {
        var first = new Recorder();
        assertThat(feed(first, DuplicatePolicy.FIRST, 0, 0, 1, 1).report(false).duplicatesDropped()).isEqualTo(1);
        assertThat(first.values()).containsExactly(1.0, 2.0);
        assertThat(first.calls).containsExactly("accept 2", "accept 3", "duplicate 4");

        var last = new Recorder();
        assertThat(feed(last, DuplicatePolicy.LAST, 0, 0, 1, 1).report(false).duplicatesRejected()).isEqualTo(1);
        assertThat(last.values()).containsExactly(1.0, 2.0);
    }

    @Test
    void aFileRepeatedAfterItselfIsAllDuplicatesUnderFirstWhateverTheDistance() {
        var out = new Recorder();
        var order = feed(out, DuplicatePolicy.FIRST, 2, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4);

        assertThat(out.values()).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);
        assertThat(out.reasons).isEmpty();
        assertThat(order.report(false)).isEqualTo(new UploadOrdering("first", 2, false, 5, 0, 0, 0, 0));

        var reject = new Recorder();
        assertThat(feed(reject, DuplicatePolicy.REJECT, 2, 0, 1, 2, 3, 4, 0).report(false).duplicatesRejected())
                .isEqualTo(1);
        assertThat(reject.reasons).singleElement().asString().contains("published earlier in this upload");
    }

    @Test
    void eachSeriesIsOrderedOnItsOwnAndAFileOfOneSeriesAfterAnotherIsNotLate() {
        var out = new Recorder();
        var order = new UploadOrder(out, DuplicatePolicy.FIRST, 2);
        for (int i = 0; i < 5; i++) {
            order.accept(i + 2, at(SERIES, 10 + i, 1.0, i + 2));
        }
        for (int i = 0; i < 5; i++) {
            order.accept(i + 7, at(OTHER, i, 2.0, i + 7));
        }
        order.finish();

        assertThat(out.accepted).hasSize(10);
        assertThat(order.report(false)).isEqualTo(new UploadOrdering("first", 2, false, 0, 0, 0, 0, 0));
    }

    @Test
    void rejectionsOfTheParserGoStraightThrough() {
        var out = new Recorder();
        var order = new UploadOrder(out, DuplicatePolicy.FIRST, 10);
        order.accept(2, at(SERIES, 0, 1.0, 2));
        order.reject(3, "value", "'x' is not a number", "raw");

        assertThat(out.calls).containsExactly("reject 3 value");
        order.finish();
        assertThat(out.calls).containsExactly("reject 3 value", "accept 2");
    }
}
