package io.energywatch.ingestion.formats;

import java.util.Locale;

/** The source formats EnergyWatch reads, with the kind of data each one carries. */
public enum SourceFormat {
    /** ODRÉ consommation-quotidienne-brute: national half-hourly electricity (RTE) and gas (NaTran, Teréga). */
    ODRE_CONSO_BRUTE(IngestionKind.CONSUMPTION),
    /**
     * RTE éCO2mix files: the regional annual files, and the national ones (Périmètre France, with the grid's measured
     * carbon intensity) in RTE's layout or ODRÉ's export.
     */
    ECO2MIX_REGIONAL(IngestionKind.CONSUMPTION),
    /** The seed project's regional daily gas file with 24 hourly columns and a social-movement flag. */
    SEED_REGIONAL_GAS(IngestionKind.CONSUMPTION),
    /** UCI household power, the original 1-minute ';' file with '?' for missing. */
    UCI_MINUTE(IngestionKind.CONSUMPTION),
    /** UCI household power resampled hourly or daily (comma-separated). */
    UCI_RESAMPLED(IngestionKind.CONSUMPTION),
    /** historique-meteo daily weather per region (new or old regions). */
    HISTORIQUE_METEO(IngestionKind.WEATHER),
    /** ODRÉ temperature-quotidienne-regionale. */
    ODRE_TEMPERATURE(IngestionKind.WEATHER),
    /** SNCF mouvements-sociaux-depuis-2002. */
    SNCF_MOVEMENTS(IngestionKind.SOCIAL_MOVEMENTS),
    /** Any CSV of consumption, read through a {@link ColumnMapping}. */
    GENERIC_CSV(IngestionKind.CONSUMPTION),
    /** A JSON array (or NDJSON) of consumption objects, read through a {@link ColumnMapping}. */
    GENERIC_JSON(IngestionKind.CONSUMPTION),
    /** EnergyWatch's weather forecast CSV: per region, issue time and target day ({@link WeatherForecastParser}). */
    WEATHER_FORECAST(IngestionKind.WEATHER_FORECAST);

    private final IngestionKind kind;

    SourceFormat(IngestionKind kind) {
        this.kind = kind;
    }

    public IngestionKind kind() {
        return kind;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static SourceFormat fromCode(String code) {
        for (SourceFormat f : values()) {
            if (f.code().equalsIgnoreCase(code.trim()) || f.name().equalsIgnoreCase(code.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("format '" + code + "' is unknown");
    }
}
