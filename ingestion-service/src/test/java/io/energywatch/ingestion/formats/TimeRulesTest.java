package io.energywatch.ingestion.formats;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeRulesTest {

    @Test
    void timestampsAreReadInEveryShapeTheDesignLists() {
        assertThat(Timestamps.parse("t", "2024-03-31T01:00:00+00:00"))
                .isEqualTo(new Timestamps.Exact(Instant.parse("2024-03-31T01:00:00Z")));
        assertThat(Timestamps.parse("t", "2024-03-31 03:00:00+0200"))
                .isEqualTo(new Timestamps.Exact(Instant.parse("2024-03-31T01:00:00Z")));
        assertThat(Timestamps.parse("t", "2024-03-31T01:00Z"))
                .isEqualTo(new Timestamps.Exact(Instant.parse("2024-03-31T01:00:00Z")));
        assertThat(Timestamps.parse("t", "2024-03-31T01:00:00"))
                .isEqualTo(new Timestamps.Local(LocalDateTime.of(2024, 3, 31, 1, 0), false));
        assertThat(Timestamps.parse("t", "2024-03-31 01:00:00"))
                .isEqualTo(new Timestamps.Local(LocalDateTime.of(2024, 3, 31, 1, 0), false));
        assertThat(Timestamps.parse("t", "31/03/2024 01:00"))
                .isEqualTo(new Timestamps.Local(LocalDateTime.of(2024, 3, 31, 1, 0), false));
        assertThat(Timestamps.date("d", "31/03/2024")).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(Timestamps.date("d", "31/03/24")).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(Timestamps.date("d", "2024/03/31")).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(Timestamps.date("d", "2024-03-31")).isEqualTo(LocalDate.of(2024, 3, 31));
    }

    @Test
    void unreadableTimestampsNameTheFieldAndTheValue() {
        assertThatThrownBy(() -> Timestamps.parse("Datetime", "yesterday"))
                .isInstanceOf(RecordRejected.class)
                .hasMessage("Datetime 'yesterday' is not a timestamp (expected ISO-8601, yyyy-MM-dd HH:mm:ss or dd/MM/yyyy)");
        assertThatThrownBy(() -> Timestamps.date("day", "2024-02-30"))
                .isInstanceOf(RecordRejected.class).hasMessageContaining("day '2024-02-30'");
    }

    @Test
    void numbersAcceptDotsAndSemicolonFileCommasButNoNanOrInfinity() {
        assertThat(Numbers.required("v", "12.5", false)).isEqualTo(12.5);
        assertThat(Numbers.required("v", "12,5", true)).isEqualTo(12.5);
        assertThat(Numbers.required("v", "-1e3", false)).isEqualTo(-1000.0);
        assertThat(Numbers.optional("v", "  ", false)).isNull();
        assertThatThrownBy(() -> Numbers.required("v", "12,5", false)).hasMessage("v '12,5' is not a number");
        assertThatThrownBy(() -> Numbers.required("v", "NaN", false)).hasMessage("v 'NaN' is not a number");
        assertThatThrownBy(() -> Numbers.required("v", "Infinity", false)).hasMessage("v 'Infinity' is not a number");
        assertThatThrownBy(() -> Numbers.required("v", "1e999", false)).hasMessage("v '1e999' is out of range");
        assertThatThrownBy(() -> Numbers.required("v", "0x1p3", false)).hasMessage("v '0x1p3' is not a number");
        assertThatThrownBy(() -> Numbers.consumption("v", "-0.1", false))
                .hasMessage("v '-0.1' is negative; consumption cannot be");
    }
}
