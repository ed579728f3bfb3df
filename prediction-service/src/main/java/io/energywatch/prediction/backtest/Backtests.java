package io.energywatch.prediction.backtest;

import io.energywatch.analytics.forecast.Algorithm;
import io.energywatch.analytics.forecast.BacktestResult;
import io.energywatch.analytics.forecast.DailySeries;
import io.energywatch.analytics.forecast.ForecastEngine;
import io.energywatch.contracts.ModelRunCompleted.RunKind;
import io.energywatch.prediction.history.DailyHistory;
import io.energywatch.prediction.history.DailySeriesIds;
import io.energywatch.prediction.models.ForecastModelIds;
import io.energywatch.service.carbon.ModelRuns;
import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;
import io.energywatch.service.web.TimeWindow;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Validates and runs backtests on the daily history and keeps the latest one's summary for the demo. */
public final class Backtests {

    private final DailyHistory history;
    private final ForecastEngine engine;
    private final int maxHorizonDays;
    private final Clock clock;
    private final AtomicReference<BacktestSummary> latest = new AtomicReference<>();
    private final ModelRuns modelRuns;

    /** Backtests that are not measured (tests without the model-run log). */
    public Backtests(DailyHistory history, ForecastEngine engine, int maxHorizonDays, Clock clock) {
        this(history, engine, maxHorizonDays, clock, ModelRuns.unmeasured());
    }

    public Backtests(DailyHistory history, ForecastEngine engine, int maxHorizonDays, Clock clock,
                     ModelRuns modelRuns) {
        this.history = history;
        this.engine = engine;
        this.maxHorizonDays = maxHorizonDays;
        this.clock = clock;
        this.modelRuns = modelRuns;
    }

    /** A backtest request checked against the history: ready to run. */
    public record Prepared(String series, DailySeries daily, BacktestRequest request, List<Algorithm> algorithms,
                           int horizonDays) {
    }

    /** Validates and runs a backtest in the caller's thread. */
    public BacktestResponse run(BacktestRequest request) {
        return execute(prepare(request));
    }

    /** The fast part: every invalid field named in one problem, the series' history loaded. */
    public Prepared prepare(BacktestRequest request) {
        var errors = new ArrayList<ProblemError>();
        String series = null;
        if (request.series() == null || request.series().isBlank()) {
            errors.add(ProblemError.field("series", request.series(), "required"));
        } else {
            try {
                series = DailySeriesIds.daily(request.series());
            } catch (IllegalArgumentException e) {
                errors.add(ProblemError.field("series", request.series(), e.getMessage()));
            }
        }
        requireDate(errors, "trainFrom", request.trainFrom());
        requireDate(errors, "trainTo", request.trainTo());
        requireDate(errors, "testFrom", request.testFrom());
        requireDate(errors, "testTo", request.testTo());
        if (errors.isEmpty()) {
            if (request.trainTo().isBefore(request.trainFrom())) {
                errors.add(ProblemError.field("trainTo", request.trainTo(), "is before trainFrom"));
            }
            if (!request.testFrom().isAfter(request.trainTo())) {
                errors.add(ProblemError.field("testFrom", request.testFrom(), "must be after trainTo"));
            }
            if (request.testTo().isBefore(request.testFrom())) {
                errors.add(ProblemError.field("testTo", request.testTo(), "is before testFrom"));
            }
        }
        int horizon = request.horizonDays() == null ? 1 : request.horizonDays();
        if (horizon < 1 || horizon > maxHorizonDays) {
            errors.add(ProblemError.field("horizonDays", horizon, "must be 1.." + maxHorizonDays));
        }
        var algorithms = new ArrayList<Algorithm>();
        List<String> asked = request.algorithms() == null || request.algorithms().isEmpty()
                ? Arrays.stream(Algorithm.values()).map(Algorithm::id).toList() : request.algorithms();
        for (String id : asked) {
            Algorithm.fromId(id).ifPresentOrElse(algorithms::add, () -> errors.add(ProblemError.field("algorithms",
                    id, "unknown; one of " + Arrays.stream(Algorithm.values()).map(Algorithm::id).toList())));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("invalid-backtest", "the backtest request is invalid", errors);
        }
        DailySeries daily = history.load(series);
        if (daily.size() == 0) {
            throw ProblemException.notFound("daily history of series", series);
        }
        return new Prepared(series, daily, request, List.copyOf(algorithms), horizon);
    }

    /**
     * The long part: trains and tests every algorithm; seeded, so the same request gives the same answer. One measured
     * model run of the series' forecaster at that horizon, its rows the days of history it read.
     */
    public BacktestResponse execute(Prepared prepared) {
        return modelRuns.measure(RunKind.BACKTEST, ForecastModelIds.of(prepared.series(), prepared.horizonDays()),
                run -> {
                    run.rows(prepared.daily().size());
                    return executeMeasured(prepared);
                });
    }

    private BacktestResponse executeMeasured(Prepared prepared) {
        String series = prepared.series();
        BacktestRequest request = prepared.request();
        BacktestResult result;
        try {
            result = engine.backtest(prepared.daily(), request.trainFrom(), request.trainTo(), request.testFrom(),
                    request.testTo(), prepared.algorithms(), prepared.horizonDays());
        } catch (IllegalArgumentException e) {
            // Too few usable days for the folds, or none in the test window: the request cannot be met on this data.
            throw new ProblemException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
                    "backtest-not-possible", "Backtest not possible", e.getMessage(), List.of());
        }
        latest.set(BacktestSummary.of(series, result, clock.instant()));
        return BacktestResponse.of(series, result);
    }

    public Optional<BacktestSummary> latest() {
        return Optional.ofNullable(latest.get());
    }

    private static void requireDate(List<ProblemError> errors, String field, LocalDate value) {
        if (value == null) {
            errors.add(ProblemError.field(field, null, "required (a local date such as 2022-01-01)"));
        } else if (!TimeWindow.storableYear(value.getYear())) {
            // The engine walks the windows day by day: the year 999999999 would keep the job busy for hours.
            errors.add(ProblemError.field(field, value, TimeWindow.STORABLE_YEARS));
        }
    }
}
