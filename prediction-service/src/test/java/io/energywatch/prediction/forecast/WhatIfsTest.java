package io.energywatch.prediction.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.energywatch.analytics.forecast.Algorithm;
import io.energywatch.analytics.forecast.DailyRecord;
import io.energywatch.analytics.forecast.DailyWeather;
import io.energywatch.analytics.forecast.ForecastEngine;
import io.energywatch.analytics.forecast.ForecastEngineSettings;
import io.energywatch.analytics.registry.LocalModelRegistry;
import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.Topic;
import io.energywatch.prediction.forecast.WhatIfResponse.Input;
import io.energywatch.prediction.forecast.WhatIfResponse.Source;
import io.energywatch.prediction.history.FixedDailyHistory;
import io.energywatch.prediction.models.ForecasterTrainer;
import io.energywatch.service.kafka.EventPublisher;
import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.support.SendResult;

/**
 * What-if scenarios on a heating-driven series whose history has the maximum and minimum temperature, the wind and the
 * visibility of every day, but no humidity or cloud cover: the champion (ridge) reads the first four only.
 */
class WhatIfsTest {

    private static final String SERIES = "gas:53:sim:P1D";
    private static final LocalDate FIRST = LocalDate.of(2023, 1, 1);
    private static final int DAYS = 400; // to 2024-02-04
    private static final LocalDate LAST = FIRST.plusDays(DAYS - 1);

    static double mean(LocalDate d) {
        return 11 - 8 * Math.cos(2 * Math.PI * (d.getDayOfYear() - 15) / 365.0) + 2 * Math.sin(d.toEpochDay() * 1.7);
    }

    static double wind(LocalDate d) {
        return 15 + 10 * Math.sin(d.toEpochDay() * 2.3);
    }

    static double visibility(LocalDate d) {
        return 20 + 12 * Math.sin(d.toEpochDay() * 1.3);
    }

    /**
     * 1000 MWh + 40 per heating degree day + 3 per km/h of wind + 5 per km of visibility below 20 km (lighting), 150
     * less at weekends.
     */
    static double energy(LocalDate d) {
        boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
        return 1000 + 40 * Math.max(0, 15 - mean(d)) + 3 * wind(d) + 5 * (20 - visibility(d))
                - (weekend ? 150 : 0);
    }

    private static FixedDailyHistory fixedHistory() {
        var records = new ArrayList<DailyRecord>();
        for (int i = 0; i < DAYS; i++) {
            LocalDate d = FIRST.plusDays(i);
            records.add(new DailyRecord(d, energy(d), mean(d), false, 0, new DailyWeather(mean(d) - 4,
                    mean(d) + 5, wind(d), Double.NaN, Double.NaN, visibility(d))));
        }
        return new FixedDailyHistory(SERIES, records);
    }

    /** Keeps the lifecycle events instead of sending them. */
    private static final class RecordingPublisher extends EventPublisher {

        final List<EnergyWatchEvent> sent = new ArrayList<>();

        RecordingPublisher() {
            super(null, null, "/energywatch/what-if-test");
        }

        @Override
        public <V extends EnergyWatchEvent> CompletableFuture<SendResult<String, EnergyWatchEvent>> publish(
                Topic<V> topic, String key, V event) {
            sent.add(event);
            return CompletableFuture.completedFuture(null);
        }
    }

    @TempDir
    Path registryDir;

    private WhatIfs whatIfs;

    @BeforeEach
    void setUp() {
        var history = fixedHistory();
        var engine = new ForecastEngine(ForecastEngineSettings.defaults());
        var trainer = new ForecasterTrainer(history, engine, new LocalModelRegistry(registryDir),
                new RecordingPublisher(), List.of(Algorithm.RIDGE, Algorithm.PERSISTENCE), 60, 28,
                ZoneId.of("Europe/Paris"), Clock.systemUTC());
        whatIfs = new WhatIfs(history, engine, trainer, 90);
    }

    private static WhatIfRequest request(LocalDate date, Double tempMaxC, Double tempMinC) {
        return new WhatIfRequest(SERIES, date, tempMaxC, tempMinC, null, null, null, null, null, null, null, null);
    }

    private static List<String> fields(Runnable call) {
        var fields = new ArrayList<String>();
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            p.errors().forEach(e -> fields.add(e.field()));
        });
        return fields;
    }

    private static Input input(WhatIfResponse.Case c, String name) {
        return c.inputs().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyOutOfRangeInputIsNamedInOneProblem() {
        var request = new WhatIfRequest(SERIES, LocalDate.of(2024, 1, 10), 61.0, 70.0, null, null, -1.0, 120.0, -0.5,
                101.0, true, 150.0);

        assertThat(fields(() -> whatIfs.answer(request))).containsExactlyInAnyOrder("tempMaxC", "tempMinC",
                "tempMinC", "humidityPercent", "cloudCoverPercent", "strikerRatePercent", "windKmh", "visibilityKm");
    }

    @Test
    void theTemperatureIsRequiredAndItsFormsDoNotMix() {
        LocalDate day = LocalDate.of(2024, 1, 10);

        assertThat(fields(() -> whatIfs.answer(request(day, null, null)))).containsExactly("tempMaxC", "tempMinC");
        assertThat(fields(() -> whatIfs.answer(request(day, 5.0, null)))).containsExactly("tempMinC");
        assertThat(fields(() -> whatIfs.answer(request(day, 2.0, 6.0)))).containsExactly("tempMinC");
        assertThat(fields(() -> whatIfs.answer(new WhatIfRequest(SERIES, day, 8.0, 1.0, null, -3.0, null, null, null,
                null, null, null)))).containsExactly("tempDeltaC");
        assertThat(fields(() -> whatIfs.answer(new WhatIfRequest(null, null, 8.0, 1.0, null, null, null, null, null,
                null, false, 20.0)))).containsExactlyInAnyOrder("series", "date", "strikerRatePercent");
        assertThat(fields(() -> whatIfs.answer(WhatIfRequest.ofMean(SERIES, day, null, -60.0, null, null))))
                .containsExactly("tempDeltaC");
    }

    @Test
    void aColderRecordedDayNeedsMoreEnergyAndTheAnswerSaysWhereEachInputCameFrom() {
        LocalDate day = LocalDate.of(2024, 1, 10);
        double colderMax = mean(day) + 5 - 6;
        double colderMin = mean(day) - 4 - 6;

        WhatIfResponse r = whatIfs.answer(new WhatIfRequest(SERIES, day, colderMax, colderMin, null, null, null, 80.0,
                null, null, null, null));

        assertThat(r.algorithm()).isEqualTo("ridge");
        // The recorded inputs give about the recorded energy. 6 °C colder is 40 × 6 = 240 MWh more in the series;
        // ridge's penalty hands part of the seasonal effect to the lags and harmonics, which the scenario keeps.
        assertThat(r.baseline().energyMwh()).isCloseTo(energy(day), within(0.03 * energy(day)));
        assertThat(r.deltaMwh()).isBetween(100.0, 330.0);
        assertThat(r.deltaPercent()).isCloseTo(100 * r.deltaMwh() / r.baseline().energyMwh(), within(1e-9));
        for (var c : List.of(r.baseline(), r.scenario())) {
            assertThat(c.lower95Mwh()).isLessThanOrEqualTo(c.lower80Mwh());
            assertThat(c.lower80Mwh()).isLessThan(c.energyMwh());
            assertThat(c.upper80Mwh()).isGreaterThan(c.energyMwh()).isLessThanOrEqualTo(c.upper95Mwh());
        }
        var s = r.scenario();
        assertThat(s.tempMeanC()).isCloseTo((colderMax + colderMin) / 2, within(1e-9));
        assertThat(input(s, "tempMeanC")).isEqualTo(new Input("tempMeanC", s.tempMeanC(), Source.DERIVED, true));
        assertThat(input(s, "tempMaxC")).isEqualTo(new Input("tempMaxC", colderMax, Source.GIVEN, true));
        assertThat(input(s, "windKmh")).isEqualTo(new Input("windKmh", wind(day), Source.RECORDED, true));
        assertThat(input(s, "visibilityKm")).isEqualTo(new Input("visibilityKm", visibility(day), Source.RECORDED,
                true));
        // The history has no humidity: the model does not read it, and the answer says so.
        assertThat(input(s, "humidityPercent")).isEqualTo(new Input("humidityPercent", 80.0, Source.GIVEN, false));
        assertThat(input(s, "cloudCoverPercent")).isEqualTo(new Input("cloudCoverPercent", null, Source.ABSENT,
                false));
        assertThat(s.imputed()).isEmpty();
        assertThat(input(r.baseline(), "tempMaxC")).isEqualTo(new Input("tempMaxC", mean(day) + 5, Source.RECORDED,
                true));
    }

    @Test
    void aDayNotYetMeasuredGetsItsMissingInputsImputedAndReported() {
        LocalDate tomorrow = LAST.plusDays(1);

        WhatIfResponse r = whatIfs.answer(request(tomorrow, 3.0, -4.0));

        assertThat(r.scenario().imputed()).containsExactly("windKmh", "visibilityKm");
        Input wind = input(r.scenario(), "windKmh");
        assertThat(wind.source()).isEqualTo(Source.IMPUTED);
        // The imputation is the training mean of the wind: close to the 15 km/h its sine swings around.
        assertThat(wind.value()).isCloseTo(15.0, within(1.0));
        Input visibility = input(r.scenario(), "visibilityKm");
        assertThat(visibility.source()).isEqualTo(Source.IMPUTED);
        assertThat(visibility.usedByModel()).isTrue();
        assertThat(visibility.value()).isCloseTo(20.0, within(1.5));
        assertThat(r.baseline().imputed()).containsExactly("tempMeanC", "tempMaxC", "tempMinC", "windKmh",
                "visibilityKm");
        assertThat(input(r.baseline(), "tempMeanC").source()).isEqualTo(Source.CLIMATOLOGY);
        // The climatological extremes keep the history's offsets from the mean: +5 and −4 °C.
        assertThat(input(r.baseline(), "tempMaxC").value())
                .isCloseTo(input(r.baseline(), "tempMeanC").value() + 5, within(1e-6));
        assertThat(r.scenario().lower80Mwh()).isLessThan(r.scenario().energyMwh());
        assertThat(r.scenario().upper95Mwh()).isGreaterThan(r.scenario().energyMwh());
    }

    @Test
    void aGivenVisibilityIsReadByTheModelAndFogNeedsMoreEnergy() {
        LocalDate day = LocalDate.of(2024, 1, 18); // a clear Thursday: about 32 km recorded
        double recorded = visibility(day);
        double foggy = 1.0;

        WhatIfResponse r = whatIfs.answer(new WhatIfRequest(SERIES, day, mean(day) + 5, mean(day) - 4, null, null,
                null, null, foggy, null, null, null));

        assertThat(input(r.scenario(), "visibilityKm")).isEqualTo(new Input("visibilityKm", foggy, Source.GIVEN,
                true));
        assertThat(input(r.baseline(), "visibilityKm")).isEqualTo(new Input("visibilityKm", recorded,
                Source.RECORDED, true));
        // Only the visibility changes: 5 MWh per km lost in the series, partly shrunk by ridge's penalty.
        double expected = 5 * (recorded - foggy);
        assertThat(r.deltaMwh()).isBetween(0.5 * expected, 1.3 * expected);
    }

    @Test
    void theEarlierMeanAndShiftFormsStillAnswer() {
        LocalDate day = LocalDate.of(2024, 1, 10);

        WhatIfResponse mean = whatIfs.answer(WhatIfRequest.ofMean(SERIES, day, mean(day) - 5, null, null, null));
        WhatIfResponse shift = whatIfs.answer(WhatIfRequest.ofMean(SERIES, day, null, -5.0, true, 40.0));

        assertThat(mean.scenario().imputed()).containsExactly("tempMaxC", "tempMinC");
        assertThat(input(mean.scenario(), "tempMinC").value()).isCloseTo(mean(day) - 5 - 4, within(1e-6));
        assertThat(mean.deltaMwh()).isGreaterThan(100);
        assertThat(input(shift.scenario(), "tempMaxC")).isEqualTo(new Input("tempMaxC", mean(day) + 5 - 5,
                Source.SHIFTED, true));
        assertThat(shift.scenario().strike()).isTrue();
        assertThat(shift.scenario().strikerRatePercent()).isEqualTo(40.0);
        assertThat(shift.scenario().tempMeanC()).isCloseTo(mean(day) - 5, within(1e-9));
    }

    @Test
    void aProblemErrorNamesTheValueItRefused() {
        var request = new WhatIfRequest(SERIES, LocalDate.of(2024, 1, 10), 8.0, 1.0, null, null, null, 130.0, null,
                null, null, null);

        assertThatThrownBy(() -> whatIfs.answer(request)).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.errors()).containsExactly(ProblemError.field("humidityPercent", 130.0,
                        "must be within 0..100%")));
    }
}
