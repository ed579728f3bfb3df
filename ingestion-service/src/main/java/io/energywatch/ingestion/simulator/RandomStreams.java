package io.energywatch.ingestion.simulator;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Independent random streams derived from one seed and a key (what is drawn, for which region and day), so a value can be
 * regenerated on its own and adding draws to one stream never shifts another.
 */
final class RandomStreams {

    /** What a stream is used for; its name, not its position, enters the key so reordering constants changes nothing. */
    enum Purpose { WEATHER_ANOMALY, WEATHER_DAY, CONSUMPTION_DAY, STRIKES, ANOMALIES, WEATHER_FORECAST }

    private final long seed;

    RandomStreams(long seed) {
        this.seed = seed;
    }

    SplittableRandom stream(Purpose purpose) {
        return new SplittableRandom(mix(seed ^ mix(purpose.name().hashCode())));
    }

    SplittableRandom stream(Purpose purpose, String regionCode, LocalDate day) {
        long key = mix(mix(mix(purpose.name().hashCode()) + regionCode.hashCode()) + day.toEpochDay());
        return new SplittableRandom(mix(seed ^ key));
    }

    /** SplitMix64's finaliser: spreads nearby keys over the whole 64-bit range. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
