package io.energywatch.contracts;

import java.time.Duration;
import java.time.Period;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A series id {@code {carrier}:{area}:{source}:{resolution}} (shared/DESIGN.md), e.g. {@code electricity:FR:odre:PT30M}.
 *
 * @param carrier    the energy carrier
 * @param area       {@code FR}, a region's INSEE code, or {@code meter-{id}}
 * @param source     {@code odre}, {@code eco2mix}, {@code grtgaz}, ..., {@code sim} or {@code ext-{name}}
 * @param resolution an ISO-8601 duration such as {@code PT30M} or {@code P1D}
 */
public record SeriesId(Carrier carrier, String area, String source, String resolution) {

    private static final Pattern AREA = Pattern.compile("FR|\\d{2}|meter-[A-Za-z0-9._-]+");
    private static final Pattern SOURCE = Pattern.compile("odre|eco2mix|grtgaz|terega|natran|uci|sim|ext-[a-z0-9-]+");

    public SeriesId {
        Objects.requireNonNull(carrier, "carrier");
        if (area == null || !AREA.matcher(area).matches()) {
            throw new IllegalArgumentException("series area '" + area + "' is not FR, an INSEE region code or meter-{id}");
        }
        if (source == null || !SOURCE.matcher(source).matches()) {
            throw new IllegalArgumentException("series source '" + source + "' is not a known source or ext-{name}");
        }
        resolutionHours(resolution);
    }

    public static SeriesId of(Carrier carrier, String area, String source, String resolution) {
        return new SeriesId(carrier, area, source, resolution);
    }

    public static SeriesId parse(String id) {
        String[] parts = id == null ? new String[0] : id.split(":", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("series id '" + id + "' is not {carrier}:{area}:{source}:{resolution}");
        }
        return new SeriesId(Carrier.fromCode(parts[0]), parts[1], parts[2], parts[3]);
    }

    /** The same series at another resolution, e.g. the daily series derived from a half-hourly one. */
    public SeriesId withResolution(String newResolution) {
        return new SeriesId(carrier, area, source, newResolution);
    }

    public boolean isNational() {
        return "FR".equals(area);
    }

    public boolean isRegional() {
        return area.length() == 2 && Character.isDigit(area.charAt(0));
    }

    /** The length of one step in hours: 0.5 for PT30M, 24 for P1D. */
    public double stepHours() {
        return resolutionHours(resolution);
    }

    /** The length of one step. Days are taken as 24 h; the local-day rule for P1D series lives with their producers. */
    public Duration step() {
        return Duration.ofSeconds(Math.round(stepHours() * 3600));
    }

    static double resolutionHours(String resolution) {
        if (resolution == null || resolution.isEmpty()) {
            throw new IllegalArgumentException("series resolution is missing");
        }
        try {
            if (resolution.startsWith("PT")) {
                Duration d = Duration.parse(resolution);
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("series resolution '" + resolution + "' must be positive");
                }
                return d.toSeconds() / 3600.0;
            }
            Period p = Period.parse(resolution);
            if (p.getYears() != 0 || p.getMonths() != 0 || p.getDays() <= 0) {
                throw new IllegalArgumentException("series resolution '" + resolution + "' must be PTnM, PTnH or PnD");
            }
            return p.getDays() * 24.0;
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("series resolution '" + resolution + "' is not an ISO-8601 duration", e);
        }
    }

    @Override
    public String toString() {
        return carrier.code() + ":" + area + ":" + source + ":" + resolution;
    }
}
