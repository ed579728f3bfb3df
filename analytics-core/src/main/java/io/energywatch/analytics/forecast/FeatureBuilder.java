package io.energywatch.analytics.forecast;

import io.energywatch.analytics.calendar.BridgeDays;
import io.energywatch.analytics.calendar.DayLength;
import io.energywatch.analytics.calendar.FrenchHolidays;
import java.io.Serial;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a daily series into model rows: weather (mean temperature, heating and cooling degree days, the two previous
 * days' temperatures for the building mass's inertia), calendar (day of week, holidays, bridge days, the Christmas and
 * August breaks, yearly harmonics, day length), strikes with their striker rate, and the energy lags and 7-day rolling
 * mean that the horizon allows. A row is only built when every input it needs is known.
 *
 * <p>A builder {@linkplain #fittedTo fitted to a training window} also uses the optional weather measures
 * ({@link WeatherVariable}) that window has often enough; a day missing one of them gets an imputed value learned on
 * the same window, so an optional measure never removes a row.
 */
public final class FeatureBuilder implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Candidate lags, days; each is used only when it is at least the horizon. */
    static final int[] LAGS = {1, 2, 7, 14};
    static final int ROLLING_DAYS = 7;

    private final FeatureSettings settings;
    private final List<String> names;
    private final int[] lags;
    private final boolean rolling;
    /** The optional weather measures used, in feature order. */
    private final List<WeatherVariable> weather;
    /**
     * Per entry of {@link #weather}: the value a day without the measure gets. For a temperature extreme it is the
     * training mean of (extreme − mean temperature), added to the day's own mean temperature; otherwise the training
     * mean of the measure.
     */
    private final double[] imputation;

    /** A builder without optional weather features: what the mean temperature, the calendar and the lags give. */
    public FeatureBuilder(FeatureSettings settings) {
        this(settings, List.of(), new double[0]);
    }

    private FeatureBuilder(FeatureSettings settings, List<WeatherVariable> weather, double[] imputation) {
        this.settings = settings;
        this.weather = List.copyOf(weather);
        this.imputation = imputation.clone();
        var usable = new ArrayList<Integer>();
        for (int lag : LAGS) {
            if (lag >= settings.horizonDays()) {
                usable.add(lag);
            }
        }
        this.lags = usable.stream().mapToInt(Integer::intValue).toArray();
        // The rolling mean ends horizon days back; beyond a week it says little more than the lags it replaces.
        this.rolling = settings.horizonDays() <= ROLLING_DAYS;
        var n = new ArrayList<>(List.of("tempMeanC", "hdd", "cdd", "tempLag1C", "tempLag2C",
                "mon", "tue", "wed", "thu", "fri", "sat",
                "holiday", "bridgeDay", "christmasBreak", "augustBreak",
                "doySin", "doyCos", "doySin2", "doyCos2", "dayLengthMin",
                "strike", "strikerRatePercent"));
        for (int lag : lags) {
            n.add("energyLag" + lag);
        }
        if (rolling) {
            n.add("energyMean" + ROLLING_DAYS + "d");
        }
        for (WeatherVariable v : this.weather) {
            n.add(v.id());
        }
        this.names = List.copyOf(n);
    }

    /**
     * This builder with the optional weather measures of the training window [{@code from}, {@code to}]: a measure is
     * a feature when at least {@link FeatureSettings#weatherFeatureMinShare()} of the window's days that have an
     * energy and a mean temperature have it. Its imputation is learned on those days only, so a test window never
     * calibrates anything.
     */
    public FeatureBuilder fittedTo(DailySeries series, LocalDate from, LocalDate to) {
        int days = 0;
        int[] count = new int[WeatherVariable.values().length];
        double[] sum = new double[count.length];
        for (DailyRecord r : series.between(from, to)) {
            if (!r.hasEnergy() || !r.hasTemperature()) {
                continue;
            }
            days++;
            for (WeatherVariable v : WeatherVariable.values()) {
                double value = r.weather().value(v);
                if (Double.isFinite(value)) {
                    count[v.ordinal()]++;
                    sum[v.ordinal()] += v.temperature() ? value - r.tempMeanC() : value;
                }
            }
        }
        var used = new ArrayList<WeatherVariable>();
        var values = new ArrayList<Double>();
        for (WeatherVariable v : WeatherVariable.values()) {
            int c = count[v.ordinal()];
            if (c > 0 && c >= settings.weatherFeatureMinShare() * days) {
                used.add(v);
                values.add(sum[v.ordinal()] / c);
            }
        }
        return new FeatureBuilder(settings, used, values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The optional weather measures this builder uses, in feature order. */
    public List<WeatherVariable> weatherFeatures() {
        return weather;
    }

    /**
     * The value a day with mean temperature {@code tempMeanC} gets for {@code variable} when it does not have it; NaN
     * when the variable is not one of this builder's features.
     */
    public double imputed(WeatherVariable variable, double tempMeanC) {
        int k = weather.indexOf(variable);
        if (k < 0) {
            return Double.NaN;
        }
        return variable.temperature() ? tempMeanC + imputation[k] : imputation[k];
    }

    /** A builder serialised before the optional weather features existed reads back without them. */
    @Serial
    private Object readResolve() {
        return weather == null ? new FeatureBuilder(settings) : this;
    }

    public FeatureSettings settings() {
        return settings;
    }

    public List<String> names() {
        return names;
    }

    /** Rows for the days of [from, to] with a known energy and every feature known; the target is the energy. */
    public FeatureMatrix matrix(DailySeries series, LocalDate from, LocalDate to) {
        var dates = new ArrayList<LocalDate>();
        var rows = new ArrayList<double[]>();
        var targets = new ArrayList<Double>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            double y = series.energy(d);
            if (!Double.isFinite(y)) {
                continue;
            }
            double[] row = row(series, d);
            if (row != null) {
                dates.add(d);
                rows.add(row);
                targets.add(y);
            }
        }
        return new FeatureMatrix(names, dates, rows.toArray(double[][]::new),
                targets.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The features of {@code date}, or null when one of them is unknown. The day's own energy is never read. */
    public double[] row(DailySeries series, LocalDate date) {
        var record = series.get(date).orElse(null);
        if (record == null || !record.hasTemperature()) {
            return null;
        }
        double t = record.tempMeanC();
        double t1 = series.temperature(date.minusDays(1));
        double t2 = series.temperature(date.minusDays(2));
        // The first days of a series have no earlier weather: the day's own temperature stands in for it.
        t1 = Double.isFinite(t1) ? t1 : t;
        t2 = Double.isFinite(t2) ? t2 : t1;
        double[] x = new double[names.size()];
        int i = 0;
        x[i++] = t;
        x[i++] = Math.max(0, settings.hddBaseC() - t);
        x[i++] = Math.max(0, t - settings.cddBaseC());
        x[i++] = t1;
        x[i++] = t2;
        DayOfWeek dow = date.getDayOfWeek();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY, DayOfWeek.SATURDAY)) {
            x[i++] = dow == day ? 1 : 0;
        }
        x[i++] = FrenchHolidays.isHoliday(date) ? 1 : 0;
        x[i++] = BridgeDays.isBridgeDay(date) ? 1 : 0;
        x[i++] = isChristmasBreak(date) ? 1 : 0;
        x[i++] = isAugustBreak(date) ? 1 : 0;
        double angle = 2 * Math.PI * (date.getDayOfYear() - 1) / date.lengthOfYear();
        x[i++] = Math.sin(angle);
        x[i++] = Math.cos(angle);
        x[i++] = Math.sin(2 * angle);
        x[i++] = Math.cos(2 * angle);
        x[i++] = DayLength.minutes(settings.latitudeDeg(), date);
        x[i++] = record.strike() ? 1 : 0;
        x[i++] = record.strikerRatePercent();
        for (int lag : lags) {
            double v = series.energy(date.minusDays(lag));
            if (!Double.isFinite(v)) {
                return null;
            }
            x[i++] = v;
        }
        if (rolling) {
            double sum = 0;
            LocalDate end = date.minusDays(settings.horizonDays());
            for (int k = 0; k < ROLLING_DAYS; k++) {
                double v = series.energy(end.minusDays(k));
                if (!Double.isFinite(v)) {
                    return null;
                }
                sum += v;
            }
            x[i++] = sum / ROLLING_DAYS;
        }
        for (int k = 0; k < weather.size(); k++) {
            WeatherVariable v = weather.get(k);
            double value = record.weather().value(v);
            x[i++] = Double.isFinite(value) ? value : imputed(v, t);
        }
        return x;
    }

    /** 24 December to 1 January: offices and factories close, demand drops well below what the cold predicts. */
    static boolean isChristmasBreak(LocalDate d) {
        return d.getMonth() == Month.DECEMBER && d.getDayOfMonth() >= 24
                || d.getMonth() == Month.JANUARY && d.getDayOfMonth() == 1;
    }

    /** 1 to 22 August, the French industrial holiday weeks. */
    static boolean isAugustBreak(LocalDate d) {
        return d.getMonth() == Month.AUGUST && d.getDayOfMonth() <= 22;
    }
}
