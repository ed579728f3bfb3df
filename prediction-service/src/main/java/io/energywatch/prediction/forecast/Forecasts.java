package io.energywatch.prediction.forecast;

import io.energywatch.analytics.forecast.DailySeries;
import io.energywatch.analytics.forecast.ForecastEngine;
import io.energywatch.analytics.forecast.ForecastStep;
import io.energywatch.contracts.ConsumptionForecast;
import io.energywatch.contracts.Topics;
import io.energywatch.prediction.history.DailyHistory;
import io.energywatch.prediction.history.DailySeriesIds;
import io.energywatch.prediction.models.ForecasterTrainer;
import io.energywatch.prediction.weather.FutureWeather;
import io.energywatch.service.kafka.EventPublisher;
import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Forecasts with the champion forecaster of a series and horizon. */
public final class Forecasts {

    private final DailyHistory history;
    private final ForecastEngine engine;
    private final ForecasterTrainer trainer;
    private final EventPublisher publisher;
    private final FutureWeather futureWeather;
    private final int maxHorizonDays;
    private final ZoneId zone;
    private final Clock clock;

    public Forecasts(DailyHistory history, ForecastEngine engine, ForecasterTrainer trainer, EventPublisher publisher,
                     FutureWeather futureWeather, int maxHorizonDays, ZoneId zone, Clock clock) {
        this.history = history;
        this.engine = engine;
        this.trainer = trainer;
        this.publisher = publisher;
        this.futureWeather = futureWeather;
        this.maxHorizonDays = maxHorizonDays;
        this.zone = zone;
        this.clock = clock;
    }

    /** Forecasts the days after the last complete one and publishes each step on {@code energywatch.forecasts.v1}. */
    public ForecastResponse forecast(ForecastRequest request) {
        String series = series(request.series());
        int horizon = request.horizonDays() == null ? 1 : request.horizonDays();
        if (horizon < 1 || horizon > maxHorizonDays) {
            throw ProblemException.badRequest("invalid-forecast", "horizonDays must be 1.." + maxHorizonDays,
                    List.of(ProblemError.field("horizonDays", horizon, "must be 1.." + maxHorizonDays)));
        }
        DailySeries daily = history.load(series);
        LocalDate last = daily.lastDayWithEnergy()
                .orElseThrow(() -> ProblemException.notFound("daily history of series", series));
        var model = trainer.upToDateChampion(series, horizon);
        // Measured weather where a day is partly measured, else the weather forecast known by the last complete day,
        // else climatology: the same look-up as the scheduled issuance.
        FutureWeather.Plan plan = futureWeather.plan(series, daily, last, horizon);
        List<ForecastStep> steps = engine.forecast(model.forecaster(), daily, plan.days());
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var published = new ArrayList<CompletableFuture<?>>();
        var views = new ArrayList<ForecastResponse.Step>();
        for (int i = 0; i < steps.size(); i++) {
            ForecastStep s = steps.get(i);
            ConsumptionForecast.WeatherBasis basis = plan.bases().get(i);
            var step = nonNegative(s, basis);
            views.add(step);
            var event = new ConsumptionForecast(null, series, model.version().modelId(), model.version().version(),
                    model.forecaster().algorithm().id(), issuedAt, s.date().atStartOfDay(zone).toInstant(),
                    s.date().plusDays(1).atStartOfDay(zone).toInstant(), s.date(), step.energyMwh(),
                    step.lower80Mwh(), step.upper80Mwh(), step.lower95Mwh(), step.upper95Mwh(), basis);
            published.add(publisher.publish(Topics.FORECASTS, series, event));
        }
        await(published);
        return new ForecastResponse(series, model.version().modelId(), model.version().version(),
                model.forecaster().algorithm().id(), issuedAt, last, horizon, views);
    }

    private static String series(String id) {
        if (id == null || id.isBlank()) {
            throw ProblemException.badRequest("invalid-request", "series is required",
                    List.of(ProblemError.field("series", id, "required")));
        }
        try {
            return DailySeriesIds.daily(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-request", e.getMessage(),
                    List.of(ProblemError.field("series", id, e.getMessage())));
        }
    }

    /** Energy cannot be negative: bounds (and a point) below zero are clamped, which keeps the intervals nested. */
    private static ForecastResponse.Step nonNegative(ForecastStep s, ConsumptionForecast.WeatherBasis basis) {
        return new ForecastResponse.Step(s.date(), Math.max(0, s.energyMwh()), Math.max(0, s.lower80Mwh()),
                Math.max(0, s.upper80Mwh()), Math.max(0, s.lower95Mwh()), Math.max(0, s.upper95Mwh()),
                s.tempMeanC(), basis);
    }

    private static void await(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing forecasts", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish forecasts", e);
        }
    }
}
