package io.energywatch.analytics.anomaly;

import org.jspecify.annotations.Nullable;

import java.time.Duration;

/**
 * The weather-relative profile level a series held just before an alarm episode opened, with the degree-day
 * regression of then, remembered for {@code profile.preOnsetMemory}: while the profile has moved away from it, a row
 * nearer to the old level is measured against it, so the return to normal at the end of a level shift is not a new
 * anomaly (see {@link DetectorConfig.Profile}).
 */
final class PreOnsetLevel {

    /** Share of an alarm within which the profile counts as back at the remembered level. */
    private static final double RETURN_SHARE = 0.5;

    private final boolean on;
    private final long memorySeconds;
    private final double alarmZ;
    private final int profileWindow;
    /** The level the last row was measured against, when it was the weather-relative profile; else NaN. */
    private double rowLevel = Double.NaN;
    private double onsetLevel = Double.NaN;
    private long onsetEpochSecond;
    private long onsetRow;
    private double[] onsetWeather = new double[3];
    /** The level was remembered for a slow change still open: only its close or the memory's end forgets it. */
    private boolean heldByChange;

    /** The level a row was measured against with the regression of then, to remember later. */
    record Snapshot(double level, double[] weatherCoefficients) {
    }

    PreOnsetLevel(Duration memory, double alarmZ, int profileWindow) {
        this.on = !memory.isZero();
        this.memorySeconds = memory.toSeconds();
        this.alarmZ = alarmZ;
        this.profileWindow = profileWindow;
    }

    boolean on() {
        return on;
    }

    /**
     * The level the last row was measured against (NaN when it was not the weather-relative profile), with
     * {@code weatherCoefficients}: call before {@link #startRow}.
     */
    Snapshot snapshot(double[] weatherCoefficients) {
        return new Snapshot(rowLevel, weatherCoefficients);
    }

    /**
     * A slow change was found at {@code epochSecond} (row {@code row}), days after it began: remembers the level
     * {@code before} it, unless an onset is still remembered (the short-horizon alarm at a shift's step came first).
     * Until {@link #changeClosed}, the level is not forgotten when the profile comes near it: a drift's first block
     * is already a little off, so the profile passes near that level long before the drift ends.
     */
    void changeFound(@Nullable Snapshot before, long epochSecond, long row) {
        if (!on() || before == null || Double.isNaN(before.level())
                || !Double.isNaN(onsetLevel) && epochSecond - onsetEpochSecond <= memorySeconds) {
            return;
        }
        onsetLevel = before.level();
        onsetWeather = before.weatherCoefficients();
        onsetEpochSecond = epochSecond;
        onsetRow = row;
        heldByChange = true;
    }

    /** The slow change is closed (a block back at its baseline): the level is forgotten as an alarm's would be. */
    void changeClosed() {
        heldByChange = false;
    }

    /** A new row: until {@link #nearer} measures it against the weather-relative profile, it has no level. */
    void startRow() {
        rowLevel = Double.NaN;
    }

    /**
     * An alarm episode opened on the last row (index {@code row}, at {@code epochSecond}): remembers the level it was
     * measured against and the regression's {@code weatherCoefficients}, unless an earlier onset is still remembered
     * (the series has not come back to it yet).
     */
    void episodeOpened(long epochSecond, long row, double[] weatherCoefficients) {
        if (!on() || Double.isNaN(rowLevel)
                || !Double.isNaN(onsetLevel) && epochSecond - onsetEpochSecond <= memorySeconds) {
            return;
        }
        onsetLevel = rowLevel;
        heldByChange = false;
        onsetWeather = weatherCoefficients;
        onsetEpochSecond = epochSecond;
        onsetRow = row;
    }

    /**
     * The expectation at the remembered level when the profile has since moved away from it (by at least half an
     * alarm) and {@code x} is nearer to it than to {@code expected}; else {@code expected}. The move is measured at the
     * series' typical level, so a shift counts the same at night and by day, and on the profile's own scale, without
     * the day-start widening. Forgets the level once it has expired, or when the profile is back within half an alarm
     * of it and the row is nearer to the profile, at least a profile window after the onset (a spike's episode, or
     * the end of a return).
     *
     * @param level the weather-relative profile level {@code expected} was scaled to, remembered as this row's level
     * @param row   the row's index
     */
    double nearer(double level, double x, double expected, double profileScale, double typicalLevel,
                  double seasonalExpected, double hdd, double cdd, long epochSecond, long row) {
        rowLevel = level;
        if (Double.isNaN(onsetLevel)) {
            return expected;
        }
        if (epochSecond - onsetEpochSecond > memorySeconds) {
            onsetLevel = Double.NaN;
            heldByChange = false;
            return expected;
        }
        double onsetExpected = seasonalExpected * onsetLevel * WeatherRegression.predict(onsetWeather, hdd, cdd);
        if (!(onsetExpected > 0)) {
            return expected;
        }
        boolean nearer = Math.abs(x - onsetExpected) < Math.abs(x - expected);
        if (Math.abs(expected / onsetExpected - 1) * typicalLevel < RETURN_SHARE * alarmZ * profileScale
                && !nearer && row - onsetRow >= profileWindow && !heldByChange) {
            onsetLevel = Double.NaN;
        }
        return nearer ? onsetExpected : expected;
    }
}
