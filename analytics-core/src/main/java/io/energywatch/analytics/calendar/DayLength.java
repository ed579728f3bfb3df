package io.energywatch.analytics.calendar;

import java.time.LocalDate;

/**
 * Astronomical day length at a point: the time the sun's upper limb is above a flat horizon, with standard refraction
 * (-0.833°), from the latitude and the solar declination of the day (Spencer's Fourier series, good to about a minute at
 * French latitudes). Longitude does not change the length of a day, only when it happens.
 */
public final class DayLength {

    private static final double HORIZON_ALTITUDE_DEG = -0.833;
    private static final double MINUTES_PER_HOUR_ANGLE_DEG = 4.0;

    private DayLength() {
    }

    /** Minutes between sunrise and sunset on {@code date} at {@code latitudeDeg} (north positive). */
    public static double minutes(double latitudeDeg, LocalDate date) {
        int daysInYear = date.lengthOfYear();
        double gamma = 2 * Math.PI * (date.getDayOfYear() - 1) / daysInYear;
        double declination = 0.006918 - 0.399912 * Math.cos(gamma) + 0.070257 * Math.sin(gamma)
                - 0.006758 * Math.cos(2 * gamma) + 0.000907 * Math.sin(2 * gamma)
                - 0.002697 * Math.cos(3 * gamma) + 0.00148 * Math.sin(3 * gamma);
        double lat = Math.toRadians(latitudeDeg);
        double cosHourAngle = (Math.sin(Math.toRadians(HORIZON_ALTITUDE_DEG)) - Math.sin(lat) * Math.sin(declination))
                / (Math.cos(lat) * Math.cos(declination));
        // Beyond the polar circles the sun never sets or never rises: clamp to 24 h or 0 h rather than return NaN.
        double hourAngleDeg = Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cosHourAngle))));
        return 2 * hourAngleDeg * MINUTES_PER_HOUR_ANGLE_DEG;
    }
}
