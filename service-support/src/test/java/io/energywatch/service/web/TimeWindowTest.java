package io.energywatch.service.web;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The shortcuts replace from/to: mixing them is refused naming every parameter given. */
class TimeWindowTest {

    @Test
    void mixingAShortcutWithFromOrToIsA400NamingTheParameters() {
        var problem = catchThrowableOfType(ProblemException.class,
                () -> TimeWindow.requireExclusive("2024-01-01", null, 24, null));

        assertThat(problem.status().value()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo("conflicting-parameters");
        assertThat(problem.errors()).extracting(ProblemError::field).containsExactly("from", "hours");
        assertThat(problem.errors().get(1).reason()).isEqualTo("cannot be combined with from");
    }

    @Test
    void twoShortcutsAreRefusedToo() {
        var problem = catchThrowableOfType(ProblemException.class,
                () -> TimeWindow.requireExclusive(null, null, 24, 10));

        assertThat(problem.errors()).extracting(ProblemError::field).containsExactly("hours", "latest");
    }

    @Test
    void oneWayAloneIsFineAndAShortcutBelowOneIsNot() {
        assertThatCode(() -> TimeWindow.requireExclusive("2024-01-01", "2024-02-01", null, null))
                .doesNotThrowAnyException();
        assertThatCode(() -> TimeWindow.requireExclusive(null, null, null, 5)).doesNotThrowAnyException();
        var problem = catchThrowableOfType(ProblemException.class,
                () -> TimeWindow.requireExclusive(null, null, 0, null));
        assertThat(problem.errors()).extracting(ProblemError::field).containsExactly("hours");
    }

    @Test
    void fromAndToAreInstantsOrParisDaysWithAToDayIncludedWhole() {
        var window = TimeWindow.of("2024-07-14", "2024-07-15T10:00:00Z");
        assertThat(window.from()).isEqualTo(Instant.parse("2024-07-13T22:00:00Z"));
        assertThat(window.to()).isEqualTo(Instant.parse("2024-07-15T10:00:00Z"));
        assertThat(TimeWindow.of(null, "2024-01-31").to()).isEqualTo(Instant.parse("2024-01-31T23:00:00Z"));
        var problem = catchThrowableOfType(ProblemException.class, () -> TimeWindow.of("yesterday", null));
        assertThat(problem.errors()).extracting(ProblemError::field).containsExactly("from");
    }

    @Test
    void aBoundOutsideTheYearsElasticsearchStoresIsA400NamingItsParameter() {
        var beyond = catchThrowableOfType(ProblemException.class,
                () -> TimeWindow.instant("from", "+99999-01-01T00:00:00Z", false));
        assertThat(beyond.status().value()).isEqualTo(400);
        assertThat(beyond.errors()).extracting(ProblemError::field).containsExactly("from");
        assertThat(TimeWindow.instant("to", "9999-12-31T00:00:00Z", true))
                .isEqualTo(Instant.parse("9999-12-31T00:00:00Z"));
        assertThat(TimeWindow.instant("to", " ", true)).isNull();
        var unreadable = catchThrowableOfType(ProblemException.class, () -> TimeWindow.instant("to", "soon", true));
        assertThat(unreadable.errors()).extracting(ProblemError::field).containsExactly("to");
    }

    @Test
    void hoursEndAtTheDataNotNow() {
        var window = TimeWindow.hoursEndingAt(24, Instant.parse("2019-02-07T00:00:00Z"));

        assertThat(window.from()).isEqualTo(Instant.parse("2019-02-06T00:00:00Z"));
        assertThat(window.contains(Instant.parse("2019-02-06T23:00:00Z"))).isTrue();
        assertThat(window.contains(Instant.parse("2019-02-07T00:00:00Z"))).isFalse();
    }
}
