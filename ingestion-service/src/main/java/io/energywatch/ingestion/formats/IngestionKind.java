package io.energywatch.ingestion.formats;

import java.util.Locale;

/** What an upload holds; each kind has its own raw topic and MongoDB collection. */
public enum IngestionKind {
    CONSUMPTION, WEATHER, SOCIAL_MOVEMENTS, WEATHER_FORECAST;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static IngestionKind fromCode(String code) {
        for (IngestionKind k : values()) {
            if (k.code().equalsIgnoreCase(code.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("kind '" + code + "' is not consumption, weather, social-movements or "
                + "weather-forecast");
    }
}
