package io.energywatch.anomaly.models;

/**
 * How feedback moves the next version's threshold. The forest's threshold is the {@code 1 − contamination} quantile
 * of its training scores, so a lower contamination is a higher threshold. The next version starts from the
 * champion's contamination (the base one without a champion) and lowers it by the champion's false-positive share,
 * {@code fp / (fp + confirmed)}, never below the configured floor: half the verdicts false positives, half the flags.
 */
public record ThresholdPolicy(double baseContamination, double minContamination) {

    public ThresholdPolicy {
        if (!(minContamination > 0 && minContamination <= baseContamination && baseContamination < 0.5)) {
            throw new IllegalArgumentException("need 0 < minContamination <= baseContamination < 0.5");
        }
    }

    /**
     * @param championContamination the champion's contamination, NaN without a champion
     * @param confirmed             the champion's anomalies confirmed by operators
     * @param falsePositives        the champion's anomalies judged false positives
     */
    public double nextContamination(double championContamination, long confirmed, long falsePositives) {
        double start = Double.isNaN(championContamination) ? baseContamination : championContamination;
        long judged = confirmed + falsePositives;
        double falseShare = judged == 0 ? 0 : falsePositives / (double) judged;
        return Math.max(minContamination, start * (1 - falseShare));
    }
}
