package io.energywatch.ingestion.simulator;

/** How many anomalies of one type to inject: an exact count, or a rate that scales with regions and days. */
public sealed interface AnomalyQuota {

    /** The number of anomalies for a simulation of {@code regions} regions over {@code days} local days. */
    int resolve(int regions, long days);

    /** Exactly {@code count} anomalies over the whole simulation, spread over random regions. */
    record Count(int count) implements AnomalyQuota {
        public Count {
            if (count < 0) {
                throw new IllegalArgumentException("anomaly count must not be negative, was " + count);
            }
        }

        @Override
        public int resolve(int regions, long days) {
            return count;
        }
    }

    /** On average {@code perRegionPer30Days} anomalies per region and 30 days, rounded to the nearest whole number. */
    record Rate(double perRegionPer30Days) implements AnomalyQuota {
        public Rate {
            if (!(perRegionPer30Days >= 0)) {
                throw new IllegalArgumentException("anomaly rate must not be negative, was " + perRegionPer30Days);
            }
        }

        @Override
        public int resolve(int regions, long days) {
            return (int) Math.round(perRegionPer30Days * regions * days / 30.0);
        }
    }
}
