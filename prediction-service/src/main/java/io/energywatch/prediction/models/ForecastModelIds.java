package io.energywatch.prediction.models;

import java.util.Optional;
import java.util.regex.Pattern;

/** Forecasters are registered per daily series and horizon: {@code forecast.<daily series id>.h<days>}. */
public final class ForecastModelIds {

    private static final Pattern ID = Pattern.compile("forecast\\.(.+)\\.h(\\d+)");

    private ForecastModelIds() {
    }

    public static String of(String dailySeriesId, int horizonDays) {
        return "forecast." + dailySeriesId + ".h" + horizonDays;
    }

    /** The series and horizon of a forecaster's model id; empty for any other model. */
    public static Optional<Key> parse(String modelId) {
        var m = ID.matcher(modelId);
        return m.matches() ? Optional.of(new Key(m.group(1), Integer.parseInt(m.group(2)))) : Optional.empty();
    }

    public record Key(String dailySeriesId, int horizonDays) {
    }
}
