package io.energywatch.analytics.ensemble;

import io.energywatch.analytics.anomaly.DetectorConfig;
import io.energywatch.analytics.nab.NabScorer;

import java.time.ZoneId;
import java.util.Objects;

/**
 * The context ensemble's settings: the streaming member, the CAD OSE member ({@link ContextAnomalyDetector}) and how
 * the CAD score is put on the streaming score's scale.
 *
 * @param streaming         the streaming detector member's configuration (its zone is the series')
 * @param members           which members vote
 * @param context           the CAD OSE member
 * @param contextAlarmScore CAD score that maps to 0.5, the anomaly threshold of the default severities (the
 *                          streaming score's "5 robust sigmas"): its weight against the streaming member. Both
 *                          scores are fixed functions of the series, not ranks among its own past scores, so a
 *                          threshold means the same on every series
 */
public record ContextEnsembleConfig(DetectorConfig streaming, Members members, Context context,
                                    double contextAlarmScore) {

    /** Which members vote; at least one. */
    public record Members(boolean streaming, boolean context) {

        public static final Members BOTH = new Members(true, true);

        public Members {
            if (!streaming && !context) {
                throw new IllegalArgumentException("members: at least one of streaming, context must vote");
            }
        }
    }

    /**
     * The CAD OSE member ({@link ContextAnomalyDetector}); {@link #ORIGINAL} holds the published settings.
     *
     * @param valueBits        bits a value is quantised to (the original's 3: 8 levels)
     * @param maxLeftMatch     largest partial left match a new context is learned from (7)
     * @param maxActiveNeurons most-activated contexts carried to the next step as facts (15)
     * @param restThreshold    score after which the member rests (0.75)
     * @param restRows         rows it rests: NAB's probationary period / 5, which is 150 rows for every series of at
     *                         least 5,000 rows (a streaming detector does not know the length)
     * @param maxContexts      contexts remembered at most, bounding a long series' memory and time per row (the
     *                         most any of the 27 NAB series here learns is 63,048, art_noisy)
     */
    public record Context(int valueBits, int maxLeftMatch, int maxActiveNeurons, double restThreshold, int restRows,
                          int maxContexts) {

        public static final Context ORIGINAL = new Context(3, 7, 15, 0.75, 150, 200_000);

        /**
         * The rest period NAB gives CAD OSE on a series of {@code rows} rows: its probationary period (15 % of the
         * rows, at most 750) over 5, whole rows.
         */
        public static int nabRestRows(int rows) {
            return (int) (NabScorer.probationaryLength(NabScorer.PROBATIONARY_PERCENT, rows) / 5);
        }

        public Context withRestRows(int newRestRows) {
            return new Context(valueBits, maxLeftMatch, maxActiveNeurons, restThreshold, newRestRows, maxContexts);
        }

        public Context {
            if (valueBits < 1 || valueBits > 16 || maxLeftMatch < 1 || maxActiveNeurons < 0 || restRows < 0
                    || maxContexts < 1 || !(restThreshold > 0 && restThreshold <= 1)) {
                throw new IllegalArgumentException("context: valueBits " + valueBits + " (1..16), maxLeftMatch "
                        + maxLeftMatch + " (>= 1), maxActiveNeurons " + maxActiveNeurons + " (>= 0), restThreshold "
                        + restThreshold + " (0..1], restRows " + restRows + " (>= 0), maxContexts " + maxContexts
                        + " (>= 1)");
            }
        }
    }

    public ContextEnsembleConfig {
        Objects.requireNonNull(streaming, "streaming");
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(context, "context");
        if (!(contextAlarmScore > 0 && contextAlarmScore < 1)) {
            throw new IllegalArgumentException("contextAlarmScore " + contextAlarmScore + " must be within (0, 1)");
        }
    }

    /**
     * The NAB preset's streaming member with CAD OSE as published except for its rest period, which is off; the rest
     * period and the alarm score are those the leave-one-category-out protocol chose on the whole corpus from its
     * second grid (rest 150 or 0 rows × alarm score 0.6..0.9, docs/evaluation.md): the rest period silenced CAD for
     * 150 rows after any noisy high score, often over a labelled window, while the streaming member's own damping
     * already reports an incident once.
     */
    public static ContextEnsembleConfig defaults() {
        var o = Context.ORIGINAL;
        return new ContextEnsembleConfig(DetectorConfig.defaults(), Members.BOTH,
                new Context(o.valueBits(), o.maxLeftMatch(), o.maxActiveNeurons(), o.restThreshold(), 0,
                        o.maxContexts()), 0.9);
    }

    /**
     * CAD OSE alone, as published and as NAB runs it, for a series known in full (an upload): the original settings,
     * quantised over the series' own range with NAB's rest period for its length
     * ({@link ContextEnsembleDetector#overSeries}); the streaming member only explains (expected value, type). Its
     * alarm score is the original's own incident level, 0.75 (the score after which it rests), chosen by no
     * evaluation here. Under the leave-one-category-out protocol it scores NAB standard 72.61 held-out and 73.54
     * in-sample on 55 series in 7 categories (docs/evaluation.md, "CAD OSE over the series' own range").
     */
    public static ContextEnsembleConfig wholeSeries() {
        return new ContextEnsembleConfig(DetectorConfig.defaults(), new Members(false, true), Context.ORIGINAL,
                Context.ORIGINAL.restThreshold());
    }

    public ContextEnsembleConfig withZone(ZoneId zone) {
        return withStreaming(streaming.withZone(zone));
    }

    public ContextEnsembleConfig withStreaming(DetectorConfig newStreaming) {
        return new ContextEnsembleConfig(newStreaming, members, context, contextAlarmScore);
    }

    public ContextEnsembleConfig withMembers(Members newMembers) {
        return new ContextEnsembleConfig(streaming, newMembers, context, contextAlarmScore);
    }

    public ContextEnsembleConfig withContext(Context newContext) {
        return new ContextEnsembleConfig(streaming, members, newContext, contextAlarmScore);
    }

    public ContextEnsembleConfig withContextAlarmScore(double newAlarmScore) {
        return new ContextEnsembleConfig(streaming, members, context, newAlarmScore);
    }

    /**
     * A scored row's score: the larger of the members' (never below the streaming member's when it votes). The CAD
     * score is mapped linearly onto [0, 0.5] below the alarm score and onto [0.5, 1] above it.
     */
    public double score(double streamingScore, double contextScore) {
        double context = contextScore < contextAlarmScore
                ? 0.5 * contextScore / contextAlarmScore
                : 0.5 + 0.5 * (contextScore - contextAlarmScore) / (1 - contextAlarmScore);
        if (!members.context()) {
            return streamingScore;
        }
        return members.streaming() ? Math.max(streamingScore, context) : context;
    }
}
