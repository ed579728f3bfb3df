package io.energywatch.analytics.ensemble;

import java.util.Set;

/**
 * The Contextual Anomaly Detector, open-source edition (CAD OSE, M. Smirnov; NAB 1.1 standard 69.9 on the 58 NAB
 * series): each value is quantised to {@code valueBits} bits over the range seen so far, each bit becoming a fact; a
 * {@link ContextMemory} learns which facts follow which (the previous value's bits and the contexts active then, so
 * the history reaches back through chained contexts) and predicts the next step's facts. A value with a bit the memory
 * did not predict scores (1 − share of the selected contexts that came true + share of this step's candidate contexts
 * that were new) / 2; a predicted value scores 0. After a score of at least {@code restThreshold} the detector stays
 * silent for {@code restRows} rows, so an incident is reported once, at its onset.
 *
 * <p>The original quantises over the whole file's minimum and maximum, known before the first row (NAB hands them to
 * every detector). A streaming caller does not know them: built without a range, the detector uses the range seen so
 * far, the current value included, so a new extreme is the top or bottom level. A caller that holds the whole series
 * (a batch upload) may pass its range, as NAB does; values outside it take the nearest level. Deterministic; one
 * instance per series; not thread-safe.
 */
public final class ContextAnomalyDetector {

    private final int valueBits;
    private final int maxLevel;
    private final double restThreshold;
    private final int restRows;
    private final ContextMemory memory;
    private Set<Integer> predicted = Set.of();
    private final boolean rangeKnown;
    private int lastLevel;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    /** Rows since the last score of at least the rest threshold; 0 at the start, as the original's history of 1.0. */
    private int sinceHigh;

    public ContextAnomalyDetector(ContextEnsembleConfig.Context settings) {
        this(settings, false, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }

    /** A detector that quantises over the series' known range [{@code min}, {@code max}], as the original does. */
    public static ContextAnomalyDetector overRange(ContextEnsembleConfig.Context settings, double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("range [" + min + ", " + max + "] must be finite with min <= max");
        }
        return new ContextAnomalyDetector(settings, true, min, max);
    }

    private ContextAnomalyDetector(ContextEnsembleConfig.Context settings, boolean rangeKnown, double min,
                                   double max) {
        this.rangeKnown = rangeKnown;
        this.min = min;
        this.max = max;
        this.valueBits = settings.valueBits();
        this.maxLevel = (1 << valueBits) - 1;
        this.restThreshold = settings.restThreshold();
        this.restRows = settings.restRows();
        this.memory = new ContextMemory(settings.maxLeftMatch(), settings.maxActiveNeurons(), 2 * valueBits,
                settings.maxContexts());
    }

    /** Scores {@code value} against what the memory predicted (a score in [0, 1]), then learns it. */
    public double scoreAndLearn(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value " + value + " is not finite");
        }
        lastLevel = level(value);
        int[] facts = facts(lastLevel);
        boolean unpredicted = false;
        for (int fact : facts) {
            unpredicted |= !predicted.contains(fact);
        }
        ContextMemory.Step step = memory.step(facts);
        predicted = step.predicted();
        double score = unpredicted ? (1 - step.selectedActiveShare() + step.newContextShare()) / 2 : 0;
        boolean resting = sinceHigh < restRows;
        sinceHigh = score >= restThreshold ? 0 : sinceHigh + 1;
        return resting ? 0 : score;
    }

    /** Whether the last value scored was in the upper half of the levels (above the range's middle). */
    public boolean lastInUpperHalf() {
        return lastLevel > maxLevel / 2;
    }

    /** Contexts learned so far. */
    public int contexts() {
        return memory.contexts();
    }

    /** The value's level among 2^bits over the range (known, or seen so far); a flat range is level 0. */
    int level(double value) {
        if (!rangeKnown) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        double range = max - min;
        if (range == 0) {
            return 0;
        }
        return (int) Math.max(0, Math.min(maxLevel, Math.floor((value - min) / (range / maxLevel))));
    }

    /** One fact per bit: bit b set is 2b + 1, clear is 2b. */
    private int[] facts(int level) {
        int[] facts = new int[valueBits];
        for (int b = 0; b < valueBits; b++) {
            facts[b] = 2 * b + ((level >> b) & 1);
        }
        return facts;
    }
}
