package io.energywatch.fusion.enrichment;

import io.energywatch.contracts.Topics;

/**
 * The topics the fusion reads and writes. The service uses the platform's ({@link #platform()}); tests and the bench
 * pass their own so that runs on a shared broker do not see each other's records.
 */
public record FusionTopics(String consumption, String weather, String movements, String enriched) {

    public static FusionTopics platform() {
        return new FusionTopics(Topics.CONSUMPTION_RAW.name(), Topics.WEATHER_RAW.name(),
                Topics.SOCIAL_MOVEMENTS_RAW.name(), Topics.CONSUMPTION_ENRICHED.name());
    }

    public static FusionTopics suffixed(String suffix) {
        FusionTopics p = platform();
        return new FusionTopics(p.consumption() + suffix, p.weather() + suffix, p.movements() + suffix,
                p.enriched() + suffix);
    }
}
