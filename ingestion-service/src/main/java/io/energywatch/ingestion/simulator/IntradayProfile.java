package io.energywatch.ingestion.simulator;

/**
 * The shape of demand over a local day as bumps on a flat line, hours in local clock time. The simulator normalises it to
 * a mean of one over a 24-hour day, so only the relative sizes matter.
 *
 * @param morningPeakHour     centre of the morning peak
 * @param morningPeakWeight   its relative height
 * @param morningPeakWidthH   its standard deviation, hours
 * @param eveningPeakHour     centre of the evening peak (lighting, cooking, heating)
 * @param eveningPeakWeight   its relative height
 * @param eveningPeakWidthH   its standard deviation, hours
 * @param offPeakHour         centre of the late-evening bump when off-peak tariffs switch water heaters on
 * @param offPeakWeight       its relative height
 * @param offPeakWidthH       its standard deviation, hours
 * @param troughHour          centre of the night trough
 * @param troughDepth         its relative depth
 * @param troughWidthH        its standard deviation, hours
 */
public record IntradayProfile(double morningPeakHour, double morningPeakWeight, double morningPeakWidthH,
                              double eveningPeakHour, double eveningPeakWeight, double eveningPeakWidthH,
                              double offPeakHour, double offPeakWeight, double offPeakWidthH,
                              double troughHour, double troughDepth, double troughWidthH) {

    public static IntradayProfile workday() {
        return new IntradayProfile(10.5, 0.20, 2.6, 19.5, 0.24, 1.7, 23.5, 0.06, 0.9, 4.5, 0.10, 2.2);
    }

    public static IntradayProfile saturday() {
        return new IntradayProfile(11.5, 0.14, 2.8, 19.5, 0.22, 1.8, 23.5, 0.06, 0.9, 5.0, 0.10, 2.4);
    }

    public static IntradayProfile sundayOrHoliday() {
        return new IntradayProfile(12.0, 0.12, 2.6, 19.5, 0.22, 1.8, 23.5, 0.06, 0.9, 5.5, 0.10, 2.4);
    }

    /** Unnormalised shape at a local clock hour in [0, 24). */
    double rawShape(double hour) {
        return 1 + bump(hour, morningPeakHour, morningPeakWidthH) * morningPeakWeight
                + bump(hour, eveningPeakHour, eveningPeakWidthH) * eveningPeakWeight
                + bump(hour, offPeakHour, offPeakWidthH) * offPeakWeight
                - bump(hour, troughHour, troughWidthH) * troughDepth;
    }

    /** A Gaussian bump on the 24-hour circle, so a peak at 23:30 spills over midnight. */
    private static double bump(double hour, double centre, double width) {
        double d = Math.abs(hour - centre) % 24;
        d = Math.min(d, 24 - d);
        return Math.exp(-0.5 * d * d / (width * width));
    }
}
