package io.energywatch.prediction.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.energywatch.analytics.forecast.DailyRecord;
import io.energywatch.analytics.forecast.ForecastEngine;
import io.energywatch.analytics.forecast.ForecastEngineSettings;
import io.energywatch.prediction.history.FixedDailyHistory;
import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class BacktestsTest {

    private static final String SERIES = "electricity:FR:odre:P1D";
    private static final Instant NOW = Instant.parse("2025-02-01T08:00:00Z");

    /** A history holding one series: 1000 MWh + 30 per degree below 15 °C. */
    private static FixedDailyHistory oneSeriesHistory() {
        var records = new ArrayList<DailyRecord>();
        for (int i = 0; i < 200; i++) {
            double t = 8 + 6 * Math.sin(i * 0.9);
            records.add(new DailyRecord(LocalDate.of(2024, 1, 1).plusDays(i), 1000 + 30 * Math.max(0, 15 - t), t,
                    false, 0));
        }
        return new FixedDailyHistory(SERIES, records);
    }

    private final Backtests backtests = new Backtests(oneSeriesHistory(),
            new ForecastEngine(ForecastEngineSettings.defaults().withTrees(10, 20)), 90,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void everyInvalidFieldIsNamedInOneProblem() {
        var request = new BacktestRequest("electricity:FR", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 2, 1),
                null, LocalDate.of(2024, 5, 1), List.of("ridge", "prophet"), 0);

        assertThatThrownBy(() -> backtests.run(request)).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(p.errors()).extracting(ProblemError::field)
                    .containsExactlyInAnyOrder("series", "testFrom", "horizonDays", "algorithms");
            assertThat(p.errors()).filteredOn(e -> "algorithms".equals(e.field())).extracting(ProblemError::value)
                    .containsExactly("prophet");
        });
    }

    @Test
    void aTestWindowBeforeTheTrainingEndIsRefused() {
        var request = new BacktestRequest(SERIES, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 5, 1),
                LocalDate.of(2024, 4, 1), LocalDate.of(2024, 6, 1), null, null);

        assertThatThrownBy(() -> backtests.run(request)).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.errors()).extracting(ProblemError::field).containsExactly("testFrom"));
    }

    @Test
    void anUnknownSeriesIsNotFound() {
        var request = new BacktestRequest("gas:53:grtgaz:PT1H", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 5, 1),
                LocalDate.of(2024, 5, 2), LocalDate.of(2024, 6, 1), null, null);

        assertThatThrownBy(() -> backtests.run(request)).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.status()).isEqualTo(HttpStatus.NOT_FOUND));
    }

    @Test
    void aBacktestBecomesTheSummaryWithItsRowsBestFirst() {
        assertThat(backtests.latest()).isEmpty();

        var response = backtests.run(new BacktestRequest("electricity:FR:odre:PT30M", LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 5, 31), LocalDate.of(2024, 6, 1), LocalDate.of(2024, 7, 18),
                List.of("ridge", "persistence"), 1));

        assertThat(response.series()).isEqualTo(SERIES);
        assertThat(response.testRows()).isEqualTo(48);
        var summary = backtests.latest().orElseThrow();
        assertThat(summary.ranAt()).isEqualTo(NOW);
        assertThat(summary.table()).extracting(BacktestSummary.Row::algorithm).containsExactly("ridge", "persistence");
        assertThat(summary.table().getFirst().testMapePercent()).isLessThan(summary.table().get(1).testMapePercent());
        assertThat(summary.table().getFirst().champion()).isTrue();
    }
}
