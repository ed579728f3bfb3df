package io.energywatch.ingestion.simulator;

import io.energywatch.analytics.calendar.FrenchHolidays;
import io.energywatch.contracts.Region;
import io.energywatch.contracts.Regions;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.Month;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Clean (anomaly-free) half-hourly electricity demand of one region on one local day. The day's mean power is a
 * population share of a national non-thermal base (day type, daylight, holidays, strikes) plus heating and cooling driven
 * by an effective temperature; an intraday profile and Gaussian noise spread it over the half-hours.
 */
final class ConsumptionGenerator {

    private static final int STANDARD_DAY_STEPS = 48;

    private final ConsumptionModel model;
    private final WeatherGenerator weather;
    private final StrikePlan strikes;
    private final RandomStreams random;
    private final @Nullable RegimeShift shift;
    private final double totalPopulation;
    private final Map<DayType, Double> profileMeans;

    /** Days that share a demand level and an intraday shape. */
    private enum DayType { WORKDAY, SATURDAY, SUNDAY, HOLIDAY }

    ConsumptionGenerator(ConsumptionModel model, WeatherGenerator weather, StrikePlan strikes, RandomStreams random,
                         @Nullable RegimeShift shift) {
        this.model = model;
        this.shift = shift;
        this.weather = weather;
        this.strikes = strikes;
        this.random = random;
        this.totalPopulation = Regions.totalPopulation();
        this.profileMeans = new EnumMap<>(DayType.class);
        for (DayType type : DayType.values()) {
            profileMeans.put(type, meanOverStandardDay(profile(type)));
        }
    }

    /** Average power in MW of each half-hour of {@code day}, unrounded. */
    double[] cleanPowersMw(Region region, LocalDay day) {
        LocalDate date = day.date();
        double share = region.population() / totalPopulation;
        double effectiveTemp = (1 - model.thermalInertia()) * weather.temperature(region, date)
                + model.thermalInertia() * weather.temperature(region, date.minusDays(1));
        double heating = model.heatingGradientMwPerC() * Math.max(0, model.heatingThresholdC() - effectiveTemp);
        double cooling = model.coolingGradientMwPerC() * Math.max(0, effectiveTemp - model.coolingThresholdC());
        double daylightHours = DayLength.hours(region.latitude(), date.getDayOfYear());
        DayType dayType = dayType(date);
        double base = model.nationalBaseLoadMw() * level(dayType)
                * (1 + model.lightingPerDarkHour() * (12 - daylightHours))
                * (1 - summerBreak(date)) * (1 - yearEnd(date));

        SplittableRandom rng = random.stream(RandomStreams.Purpose.CONSUMPTION_DAY, region.code(), date);
        double dayMeanMw = share * (base + heating + cooling) * (1 - strikes.reduction(date))
                * (shift == null ? 1 : shift.demandFactor(date)) * (1 + model.dailyNoiseSd() * rng.nextGaussian());

        IntradayProfile profile = profile(dayType);
        double norm = profileMeans.get(dayType);
        double[] powers = new double[day.steps()];
        for (int i = 0; i < powers.length; i++) {
            double shape = profile.rawShape(day.localMidHour(i)) / norm;
            powers[i] = dayMeanMw * shape * (1 + model.halfHourNoiseSd() * rng.nextGaussian());
        }
        return powers;
    }

    /** The clean powers rounded as they are published, the values anomalies distort. */
    double[] publishedCleanPowersMw(Region region, LocalDay day) {
        double[] powers = cleanPowersMw(region, day);
        for (int i = 0; i < powers.length; i++) {
            powers[i] = round(powers[i]);
        }
        return powers;
    }

    /** Rounds to the published number of decimals. */
    double round(double powerMw) {
        double scale = Math.pow(10, model.powerDecimals());
        return Math.round(powerMw * scale) / scale;
    }

    private static DayType dayType(LocalDate date) {
        if (FrenchHolidays.isHoliday(date)) {
            return DayType.HOLIDAY;
        }
        return switch (date.getDayOfWeek()) {
            case SATURDAY -> DayType.SATURDAY;
            case SUNDAY -> DayType.SUNDAY;
            default -> DayType.WORKDAY;
        };
    }

    /** Base demand relative to a working day; a holiday on a Saturday counts as a holiday. */
    private double level(DayType type) {
        return switch (type) {
            case WORKDAY -> 1.0;
            case SATURDAY -> model.saturdayFactor();
            case SUNDAY -> model.sundayFactor();
            case HOLIDAY -> model.holidayFactor();
        };
    }

    private IntradayProfile profile(DayType type) {
        return switch (type) {
            case WORKDAY -> model.workday();
            case SATURDAY -> model.saturday();
            case SUNDAY, HOLIDAY -> model.sundayOrHoliday();
        };
    }

    /** Industry and offices slow down in August; a Gaussian dip centred on mid-August. */
    private double summerBreak(LocalDate date) {
        double d = date.getDayOfYear() - model.summerBreakPeakDayOfYear();
        return model.summerBreakReduction() * Math.exp(-0.5 * d * d
                / (model.summerBreakWidthDays() * model.summerBreakWidthDays()));
    }

    private double yearEnd(LocalDate date) {
        boolean christmasWeek = date.getMonth() == Month.DECEMBER && date.getDayOfMonth() >= 24
                || date.getMonth() == Month.JANUARY && date.getDayOfMonth() == 1;
        return christmasWeek ? model.yearEndReduction() : 0;
    }

    /** Profiles are normalised over a regular 24-hour day, so a 25-hour day really carries an hour more energy. */
    private static double meanOverStandardDay(IntradayProfile profile) {
        double sum = 0;
        for (int i = 0; i < STANDARD_DAY_STEPS; i++) {
            sum += profile.rawShape(i * LocalDay.STEP_HOURS + LocalDay.STEP_HOURS / 2);
        }
        return sum / STANDARD_DAY_STEPS;
    }
}
