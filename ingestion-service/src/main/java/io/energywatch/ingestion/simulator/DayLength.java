package io.energywatch.ingestion.simulator;

/**
 * Astronomical day length: the time the sun's upper limb is above a flat horizon, with standard refraction (-0.833°),
 * from the latitude and the solar declination of the day (Spencer's Fourier series).
 */
final class DayLength {

    private static final double HORIZON_ALTITUDE_DEG = -0.833;

    private DayLength() {
    }

    static double hours(double latitudeDeg, int dayOfYear) {
        double gamma = 2 * Math.PI * (dayOfYear - 1) / 365.0;
        double declination = 0.006918 - 0.399912 * Math.cos(gamma) + 0.070257 * Math.sin(gamma)
                - 0.006758 * Math.cos(2 * gamma) + 0.000907 * Math.sin(2 * gamma)
                - 0.002697 * Math.cos(3 * gamma) + 0.00148 * Math.sin(3 * gamma);
        double lat = Math.toRadians(latitudeDeg);
        double cosHourAngle = (Math.sin(Math.toRadians(HORIZON_ALTITUDE_DEG)) - Math.sin(lat) * Math.sin(declination))
                / (Math.cos(lat) * Math.cos(declination));
        // Beyond the polar circles the sun never sets or never rises; clamp rather than return NaN.
        double hourAngle = Math.acos(Math.max(-1, Math.min(1, cosHourAngle)));
        return 2 * Math.toDegrees(hourAngle) / 15.0;
    }
}
