package io.energywatch.prediction.forecast;

import io.energywatch.analytics.forecast.DailyRecord;
import io.energywatch.analytics.forecast.DailySeries;
import io.energywatch.analytics.forecast.DailyWeather;
import io.energywatch.analytics.forecast.FeatureBuilder;
import io.energywatch.analytics.forecast.ForecastEngine;
import io.energywatch.analytics.forecast.ForecastStep;
import io.energywatch.analytics.forecast.TemperatureClimatology;
import io.energywatch.analytics.forecast.WeatherVariable;
import io.energywatch.prediction.forecast.WhatIfResponse.Input;
import io.energywatch.prediction.forecast.WhatIfResponse.Source;
import io.energywatch.prediction.history.DailyHistory;
import io.energywatch.prediction.history.DailySeriesIds;
import io.energywatch.prediction.models.ForecasterTrainer;
import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What-if scenarios: the champion's energy for one day under the inputs a request gives, beside its energy under the
 * day's recorded inputs. Inputs are checked against the ranges ingestion accepts for weather observations.
 */
public final class WhatIfs {

    /** Daily temperatures ingestion accepts (historique-meteo's TempMax/TempMin), °C. */
    static final double MIN_TEMP_C = -40;
    static final double MAX_TEMP_C = 50;
    private static final String INVALID = "invalid-what-if";
    /** The request's weather fields in the order answers list them. */
    private static final List<WeatherVariable> ORDER = List.of(WeatherVariable.TEMP_MAX, WeatherVariable.TEMP_MIN,
            WeatherVariable.WIND, WeatherVariable.HUMIDITY, WeatherVariable.VISIBILITY, WeatherVariable.CLOUD_COVER);
    private static final String TEMP_MEAN = "tempMeanC";

    private final DailyHistory history;
    private final ForecastEngine engine;
    private final ForecasterTrainer trainer;
    private final int maxHorizonDays;

    public WhatIfs(DailyHistory history, ForecastEngine engine, ForecasterTrainer trainer, int maxHorizonDays) {
        this.history = history;
        this.engine = engine;
        this.trainer = trainer;
        this.maxHorizonDays = maxHorizonDays;
    }

    public WhatIfResponse answer(WhatIfRequest request) {
        var errors = new ArrayList<ProblemError>();
        String series = series(request.series(), errors);
        check(request, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(INVALID, "the what-if request is invalid", errors);
        }
        DailySeries daily = history.load(series);
        LocalDate last = daily.lastDayWithEnergy()
                .orElseThrow(() -> ProblemException.notFound("daily history of series", series));
        LocalDate first = daily.records().getFirst().date();
        LocalDate date = request.date();
        long ahead = ChronoUnit.DAYS.between(last, date);
        if (date.isBefore(first.plusDays(15)) || ahead > maxHorizonDays) {
            throw ProblemException.badRequest(INVALID, "date must be between " + first.plusDays(15) + " and "
                    + last.plusDays(maxHorizonDays),
                    List.of(ProblemError.field("date", date, "outside the history and the horizon")));
        }
        // A past day is replayed with the day-ahead model; a future day needs a model for that far ahead.
        int horizon = (int) Math.max(1, ahead);
        var model = trainer.upToDateChampion(series, horizon);
        Optional<FeatureBuilder> features = model.forecaster().features();

        var recorded = daily.get(date);
        Inputs base = baseline(recorded, date, daily);
        Inputs scenario = scenario(request, base);
        Case baseCase = predict(model, daily, date, base, features);
        Case scenarioCase = predict(model, daily, date, scenario, features);
        double delta = scenarioCase.energy - baseCase.energy;
        return new WhatIfResponse(series, date, model.version().modelId(), model.version().version(),
                model.forecaster().algorithm().id(), baseCase.view, scenarioCase.view, delta,
                baseCase.energy == 0 ? 0 : 100 * delta / baseCase.energy);
    }

    /** A day's inputs: values (NaN when unknown) and where each known one came from. */
    private record Inputs(double tempMeanC, Source meanSource, Map<WeatherVariable, Double> values,
                          Map<WeatherVariable, Source> sources, boolean strike, double strikerRatePercent) {
    }

    private record Case(double energy, WhatIfResponse.Case view) {
    }

    private Inputs baseline(Optional<DailyRecord> recorded, LocalDate date, DailySeries daily) {
        double mean = recorded.map(DailyRecord::tempMeanC).orElse(Double.NaN);
        Source meanSource = Source.RECORDED;
        if (!Double.isFinite(mean)) {
            mean = new TemperatureClimatology(daily, engine.settings().climatologyWindowDays()).normal(date);
            meanSource = Source.CLIMATOLOGY;
        }
        var values = new EnumMap<WeatherVariable, Double>(WeatherVariable.class);
        var sources = new EnumMap<WeatherVariable, Source>(WeatherVariable.class);
        DailyWeather weather = recorded.map(DailyRecord::weather).orElse(DailyWeather.UNKNOWN);
        for (WeatherVariable v : ORDER) {
            values.put(v, weather.value(v));
            sources.put(v, Source.RECORDED);
        }
        return new Inputs(mean, meanSource, values, sources, recorded.map(DailyRecord::strike).orElse(false),
                recorded.map(DailyRecord::strikerRatePercent).orElse(0.0));
    }

    private static Inputs scenario(WhatIfRequest r, Inputs base) {
        var values = new EnumMap<>(base.values());
        var sources = new EnumMap<>(base.sources());
        double mean;
        Source meanSource;
        if (r.tempDeltaC() != null) {
            double delta = r.tempDeltaC();
            mean = base.tempMeanC() + delta;
            meanSource = Source.SHIFTED;
            for (WeatherVariable v : List.of(WeatherVariable.TEMP_MAX, WeatherVariable.TEMP_MIN)) {
                values.put(v, base.values().get(v) + delta);
                sources.put(v, Source.SHIFTED);
            }
            var errors = new ArrayList<ProblemError>();
            if (!(temperature(mean) && temperature(values.get(WeatherVariable.TEMP_MAX), true)
                    && temperature(values.get(WeatherVariable.TEMP_MIN), true))) {
                errors.add(ProblemError.field("tempDeltaC", delta, "moves the day's temperatures out of "
                        + range()));
                throw ProblemException.badRequest(INVALID, "the what-if request is invalid", errors);
            }
        } else {
            given(values, sources, WeatherVariable.TEMP_MAX, r.tempMaxC());
            given(values, sources, WeatherVariable.TEMP_MIN, r.tempMinC());
            if (r.tempMeanC() != null) {
                mean = r.tempMeanC();
                meanSource = Source.GIVEN;
                // A mean alone says nothing of the extremes: the recorded ones would contradict it, so the model's
                // imputation (the mean plus the training offsets) stands in for those not given.
                for (WeatherVariable v : List.of(WeatherVariable.TEMP_MAX, WeatherVariable.TEMP_MIN)) {
                    if (sources.get(v) != Source.GIVEN) {
                        values.put(v, Double.NaN);
                    }
                }
            } else {
                mean = (r.tempMaxC() + r.tempMinC()) / 2;
                meanSource = Source.DERIVED;
            }
        }
        given(values, sources, WeatherVariable.WIND, r.windKmh());
        given(values, sources, WeatherVariable.HUMIDITY, r.humidityPercent());
        given(values, sources, WeatherVariable.VISIBILITY, r.visibilityKm());
        given(values, sources, WeatherVariable.CLOUD_COVER, r.cloudCoverPercent());
        boolean strike = r.strike() == null ? base.strike() : r.strike();
        double rate = r.strikerRatePercent() != null ? r.strikerRatePercent()
                : strike ? base.strikerRatePercent() : 0;
        return new Inputs(mean, meanSource, values, sources, strike, rate);
    }

    private static void given(Map<WeatherVariable, Double> values, Map<WeatherVariable, Source> sources,
                              WeatherVariable v, @Nullable Double value) {
        if (value != null) {
            values.put(v, value);
            sources.put(v, Source.GIVEN);
        }
    }

    private Case predict(ForecasterTrainer.Trained model, DailySeries daily, LocalDate date, Inputs in,
                         Optional<FeatureBuilder> features) {
        var v = in.values();
        var weather = new DailyWeather(v.get(WeatherVariable.TEMP_MIN), v.get(WeatherVariable.TEMP_MAX),
                v.get(WeatherVariable.WIND), v.get(WeatherVariable.HUMIDITY), v.get(WeatherVariable.CLOUD_COVER),
                v.get(WeatherVariable.VISIBILITY));
        ForecastStep step = engine.forecast(model.forecaster(), daily,
                List.of(DailyRecord.future(date, in.tempMeanC(), weather, in.strike(), in.strikerRatePercent())))
                .getFirst();
        var inputs = new ArrayList<Input>();
        var imputed = new ArrayList<String>();
        boolean regression = features.isPresent();
        inputs.add(new Input(TEMP_MEAN, in.tempMeanC(), in.meanSource(), regression));
        if (regression && in.meanSource() == Source.CLIMATOLOGY) {
            imputed.add(TEMP_MEAN);
        }
        for (WeatherVariable variable : ORDER) {
            boolean used = features.map(f -> f.weatherFeatures().contains(variable)).orElse(false);
            double value = v.get(variable);
            if (Double.isFinite(value)) {
                inputs.add(new Input(variable.id(), value, in.sources().get(variable), used));
            } else if (used) {
                inputs.add(new Input(variable.id(), features.get().imputed(variable, in.tempMeanC()), Source.IMPUTED,
                        true));
                imputed.add(variable.id());
            } else {
                inputs.add(new Input(variable.id(), null, Source.ABSENT, false));
            }
        }
        // Energy cannot be negative: bounds (and a point) below zero are clamped, as forecasts are.
        double energy = Math.max(0, step.energyMwh());
        return new Case(energy, new WhatIfResponse.Case(in.tempMeanC(), in.strike(), in.strikerRatePercent(), energy,
                Math.max(0, step.lower80Mwh()), Math.max(0, step.upper80Mwh()), Math.max(0, step.lower95Mwh()),
                Math.max(0, step.upper95Mwh()), inputs, imputed));
    }

    /** Every field error of the request at once. */
    static void check(WhatIfRequest r, List<ProblemError> errors) {
        if (r.date() == null) {
            errors.add(ProblemError.field("date", null, "required (a local date)"));
        }
        temperatureField(errors, "tempMaxC", r.tempMaxC());
        temperatureField(errors, "tempMinC", r.tempMinC());
        temperatureField(errors, TEMP_MEAN, r.tempMeanC());
        if (r.tempDeltaC() != null) {
            if (!Double.isFinite(r.tempDeltaC())) {
                errors.add(ProblemError.field("tempDeltaC", r.tempDeltaC(), "must be a number"));
            }
            if (r.tempMaxC() != null || r.tempMinC() != null || r.tempMeanC() != null) {
                errors.add(ProblemError.field("tempDeltaC", r.tempDeltaC(),
                        "shifts the recorded temperatures: give it without tempMaxC, tempMinC and tempMeanC"));
            }
        } else if (r.tempMeanC() == null) {
            String reason = "required: give tempMaxC and tempMinC (or tempMeanC, or tempDeltaC)";
            if (r.tempMaxC() == null) {
                errors.add(ProblemError.field("tempMaxC", null, reason));
            }
            if (r.tempMinC() == null) {
                errors.add(ProblemError.field("tempMinC", null, reason));
            }
        }
        if (r.tempMinC() != null && r.tempMaxC() != null && r.tempMinC() > r.tempMaxC()) {
            errors.add(ProblemError.field("tempMinC", r.tempMinC(), "is above tempMaxC " + r.tempMaxC()));
        }
        if (r.tempMeanC() != null && (r.tempMinC() != null && r.tempMeanC() < r.tempMinC()
                || r.tempMaxC() != null && r.tempMeanC() > r.tempMaxC())) {
            errors.add(ProblemError.field(TEMP_MEAN, r.tempMeanC(), "is outside tempMinC..tempMaxC"));
        }
        within(errors, "humidityPercent", r.humidityPercent(), 0, 100, "%");
        within(errors, "cloudCoverPercent", r.cloudCoverPercent(), 0, 100, "%");
        within(errors, "strikerRatePercent", r.strikerRatePercent(), 0, 100, "%");
        atLeastZero(errors, "windKmh", r.windKmh());
        atLeastZero(errors, "visibilityKm", r.visibilityKm());
        if (Boolean.FALSE.equals(r.strike()) && r.strikerRatePercent() != null && r.strikerRatePercent() > 0) {
            errors.add(ProblemError.field("strikerRatePercent", r.strikerRatePercent(),
                    "a striker rate above 0 needs a strike, and strike is false"));
        }
    }

    private static void temperatureField(List<ProblemError> errors, String field, @Nullable Double value) {
        within(errors, field, value, MIN_TEMP_C, MAX_TEMP_C, " °C");
    }

    private static void within(List<ProblemError> errors, String field, @Nullable Double value, double min,
                               double max, String unit) {
        if (value != null && !(value >= min && value <= max)) {
            errors.add(ProblemError.field(field, value, "must be within " + fmt(min) + ".." + fmt(max) + unit));
        }
    }

    private static void atLeastZero(List<ProblemError> errors, String field, @Nullable Double value) {
        if (value != null && !(value >= 0 && Double.isFinite(value))) {
            errors.add(ProblemError.field(field, value, "must be 0 or more"));
        }
    }

    private static boolean temperature(double t) {
        return t >= MIN_TEMP_C && t <= MAX_TEMP_C;
    }

    /** An unknown (NaN) extreme is fine: the model imputes it. */
    private static boolean temperature(double t, boolean unknownAllowed) {
        return unknownAllowed && Double.isNaN(t) || temperature(t);
    }

    private static String range() {
        return fmt(MIN_TEMP_C) + ".." + fmt(MAX_TEMP_C) + " °C";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static @Nullable String series(@Nullable String id, List<ProblemError> errors) {
        if (id == null || id.isBlank()) {
            errors.add(ProblemError.field("series", id, "required"));
            return null;
        }
        try {
            return DailySeriesIds.daily(id);
        } catch (IllegalArgumentException e) {
            errors.add(ProblemError.field("series", id, e.getMessage()));
            return null;
        }
    }
}
