package io.energywatch.ingestion.simulator;

import io.energywatch.contracts.Carrier;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.Lineage;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.QualityFlag;
import io.energywatch.contracts.QualityStatus;
import io.energywatch.contracts.Region;
import io.energywatch.contracts.Regions;
import io.energywatch.contracts.SeriesId;
import io.energywatch.contracts.SocialMovementDeclared;
import io.energywatch.contracts.WeatherForecastIssued;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.SplittableRandom;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Seeded, reproducible simulation of French regional electricity demand (half-hourly MW and daily MWh), daily weather and
 * national strikes, with labelled injected anomalies. Events come out in time order, generated one local day at a time.
 */
public final class Simulator {

    private static final String SOURCE = DailyWeather.SOURCE;
    private static final List<QualityFlag> CLEAN = List.of();
    private static final List<QualityFlag> INJECTED = List.of(QualityFlag.INJECTED_ANOMALY);
    private static final List<QualityFlag> DAILY_CLEAN = List.of(QualityFlag.DERIVED);
    private static final List<QualityFlag> DAILY_INJECTED = List.of(QualityFlag.DERIVED, QualityFlag.INJECTED_ANOMALY);

    private final SimulationRequest request;
    private final List<Region> regions;
    private final Lineage lineage;
    private final WeatherGenerator weather;
    private final StrikePlan strikes;
    private final ConsumptionGenerator consumption;
    private final AnomalyPlan anomalies;
    private final List<InjectedAnomaly> labels;
    private final RandomStreams random;

    /**
     * Draws the weather anomalies, strikes and anomaly placements of the request; events are generated later, lazily.
     *
     * @throws IllegalArgumentException when the requested anomalies do not fit in the period
     */
    public Simulator(SimulationRequest request) {
        this.request = request;
        this.regions = request.regionCodes().stream().map(Regions::require).toList();
        this.lineage = request.lineage();
        SimulationModel model = request.model();
        RandomStreams random = new RandomStreams(request.seed());
        this.random = random;
        this.weather = new WeatherGenerator(model.weather(), random, request.from(), request.to(),
                request.regimeShift());
        this.strikes = StrikePlan.draw(model.strikes(), random, request.from(), request.to(), lineage);
        ConsumptionGenerator generator = new ConsumptionGenerator(model.consumption(), weather, strikes, random,
                request.regimeShift());
        this.consumption = generator;
        this.anomalies = AnomalyPlan.draw(request.anomalies(), model.anomalies(), random, regions, request.from(),
                request.to(), generator::publishedCleanPowersMw);
        this.labels = labelsOf(anomalies);
    }

    public SimulationRequest request() {
        return request;
    }

    /** Every event of the simulation in time order, generated as the stream is consumed. Each call starts afresh. */
    public Stream<EnergyWatchEvent> events() {
        Iterator<EnergyWatchEvent> iterator = new Iterator<>() {
            private LocalDate next = request.from();
            private Iterator<EnergyWatchEvent> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && !next.isAfter(request.to())) {
                    current = day(next).iterator();
                    next = next.plusDays(1);
                }
                return current.hasNext();
            }

            @Override
            public EnergyWatchEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Hands every event, in time order, to {@code sink}. */
    public void forEach(Consumer<? super EnergyWatchEvent> sink) {
        for (LocalDate date = request.from(); !date.isAfter(request.to()); date = date.plusDays(1)) {
            day(date).forEach(sink);
        }
    }

    /**
     * Hands the events of the local days {@code first..last} to {@code sink}, in time order. The days before are still
     * generated, unseen: a day's events depend on the days before it.
     */
    public void forEach(LocalDate first, LocalDate last, Consumer<? super EnergyWatchEvent> sink) {
        for (LocalDate date = request.from(); !date.isAfter(request.to()) && !date.isAfter(last);
             date = date.plusDays(1)) {
            List<EnergyWatchEvent> events = day(date);
            if (!date.isBefore(first)) {
                events.forEach(sink);
            }
        }
    }

    /** The labels of every injected anomaly, by start then series; known as soon as the simulator is built. */
    public List<InjectedAnomaly> labels() {
        return labels;
    }

    /** The simulated national strikes, by start date. */
    public List<SocialMovementDeclared> movements() {
        return strikes.movements();
    }

    /**
     * One local day's events in time order: movements starting that day, each region's weather and daily energy (all
     * stamped at the day's start), then the half-hours, region after region within each half-hour.
     */
    List<EnergyWatchEvent> day(LocalDate date) {
        LocalDay day = LocalDay.of(date);
        List<EnergyWatchEvent> events = new ArrayList<>(strikes.startingOn(date));
        List<RegionDay> values = new ArrayList<>(regions.size());
        for (Region region : regions) {
            events.add(weather.weather(region, date).toEvent(lineage));
            values.add(published(region, day));
        }
        if (request.resolutions().contains(SimulatedResolution.DAILY)) {
            for (int r = 0; r < regions.size(); r++) {
                RegionDay rd = values.get(r);
                events.add(ConsumptionMeasured.of(series(regions.get(r), SimulatedResolution.DAILY), regions.get(r).code(),
                        day.start(), day.end(), rd.energyMwh(), MeasurementUnit.MWH, QualityStatus.SIMULATED,
                        rd.anyInjected() ? DAILY_INJECTED : DAILY_CLEAN, lineage));
            }
        }
        // Weather forecasts are issued at their issue time: among the half-hours, before the first one starting then.
        List<WeatherForecastIssued> forecasts = forecasts(date);
        Instant issuedAt = forecasts.isEmpty() ? Instant.MAX : forecasts.getFirst().issuedAt();
        if (request.resolutions().contains(SimulatedResolution.HALF_HOURLY)) {
            for (int i = 0; i < day.steps(); i++) {
                Instant start = day.stepStart(i);
                Instant end = day.stepStart(i + 1);
                if (!start.isBefore(issuedAt)) {
                    events.addAll(forecasts);
                    forecasts = List.of();
                }
                for (int r = 0; r < regions.size(); r++) {
                    RegionDay rd = values.get(r);
                    events.add(ConsumptionMeasured.of(series(regions.get(r), SimulatedResolution.HALF_HOURLY),
                            regions.get(r).code(), start, end, rd.powersMw()[i], MeasurementUnit.MW,
                            QualityStatus.SIMULATED, rd.injected()[i] ? INJECTED : CLEAN, lineage));
                }
            }
        }
        events.addAll(forecasts);
        return events;
    }

    /**
     * The weather forecasts issued on {@code date} when the request asks for them: for each region, the next days up to
     * the model's lead (those within the simulation, whose truth exists), each the simulated weather plus a seeded
     * error that grows with the lead. Drawn from their own random stream, so they change nothing else.
     */
    private List<WeatherForecastIssued> forecasts(LocalDate date) {
        WeatherForecastModel model = request.weatherForecasts();
        if (model == null) {
            return List.of();
        }
        Instant issuedAt = date.atTime(model.issueTime()).atZone(SimulationRequest.PARIS).toInstant();
        List<WeatherForecastIssued> out = new ArrayList<>();
        for (Region region : regions) {
            SplittableRandom rng = random.stream(RandomStreams.Purpose.WEATHER_FORECAST, region.code(), date);
            for (int lead = 1; lead <= model.maxLeadDays(); lead++) {
                double error = model.sdC(lead) * rng.nextGaussian();
                LocalDate target = date.plusDays(lead);
                if (target.isAfter(request.to())) {
                    continue;
                }
                DailyWeather truth = weather.weather(region, target);
                out.add(new WeatherForecastIssued(null, region.code(), target, issuedAt,
                        round1(truth.tempMinC() + error), round1(truth.tempMaxC() + error),
                        round1(truth.tempMeanC() + error), round1(truth.windKmh()), round1(truth.humidityPercent()),
                        round1(truth.cloudCoverPercent()), SOURCE, lineage));
            }
        }
        return out;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private RegionDay published(Region region, LocalDay day) {
        return anomalies.apply(region, day, cleanPowers(region, day), consumption::round);
    }

    private double[] cleanPowers(Region region, LocalDay day) {
        return consumption.publishedCleanPowersMw(region, day);
    }

    private List<InjectedAnomaly> labelsOf(AnomalyPlan plan) {
        List<InjectedAnomaly> result = new ArrayList<>();
        for (PlannedAnomaly anomaly : plan.all()) {
            Region region = Regions.require(anomaly.regionCode());
            if (request.resolutions().contains(SimulatedResolution.HALF_HOURLY)) {
                result.add(new InjectedAnomaly(series(region, SimulatedResolution.HALF_HOURLY).toString(), anomaly.type(),
                        anomaly.start(), anomaly.end(), halfHourlyMagnitude(region, anomaly)));
            }
            if (request.resolutions().contains(SimulatedResolution.DAILY)) {
                result.add(new InjectedAnomaly(series(region, SimulatedResolution.DAILY).toString(), anomaly.type(),
                        LocalDay.of(anomaly.firstDay()).start(), LocalDay.of(anomaly.lastDay()).end(),
                        dailyMagnitude(region, anomaly)));
            }
        }
        result.sort(Comparator.comparing(InjectedAnomaly::start).thenComparing(InjectedAnomaly::seriesId));
        return List.copyOf(result);
    }

    /** The planned relative deviation, or for a stuck meter the largest one its frozen value actually makes. */
    private double halfHourlyMagnitude(Region region, PlannedAnomaly anomaly) {
        return switch (anomaly.distortion()) {
            case Distortion.Scale scale -> scale.relative();
            case Distortion.Ramp ramp -> ramp.finalRelative();
            case Distortion.Hold hold -> largestDeviation(region, anomaly, hold);
        };
    }

    private double largestDeviation(Region region, PlannedAnomaly anomaly, Distortion.Hold hold) {
        double largest = 0;
        for (LocalDate date = anomaly.firstDay(); !date.isAfter(anomaly.lastDay()); date = date.plusDays(1)) {
            LocalDay day = LocalDay.of(date);
            double[] clean = cleanPowers(region, day);
            for (int i = 0; i < clean.length; i++) {
                double deviation = hold.valueMw() / clean[i] - 1;
                if (anomaly.covers(day.stepStart(i)) && Math.abs(deviation) > Math.abs(largest)) {
                    largest = deviation;
                }
            }
        }
        return largest;
    }

    /** The largest relative deviation of a touched day's energy from its clean energy. */
    private double dailyMagnitude(Region region, PlannedAnomaly anomaly) {
        double largest = 0;
        for (LocalDate date = anomaly.firstDay(); !date.isAfter(anomaly.lastDay()); date = date.plusDays(1)) {
            LocalDay day = LocalDay.of(date);
            double[] clean = cleanPowers(region, day);
            double deviation = published(region, day).energyMwh()
                    / new RegionDay(day, clean, new boolean[clean.length]).energyMwh() - 1;
            if (Math.abs(deviation) > Math.abs(largest)) {
                largest = deviation;
            }
        }
        return largest;
    }

    private static SeriesId series(Region region, SimulatedResolution resolution) {
        return SeriesId.of(Carrier.ELECTRICITY, region.code(), SOURCE, resolution.iso());
    }
}
