package io.energywatch.analytics.ensemble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The context memory of the Contextual Anomaly Detector (CAD OSE, M. Smirnov 2016, NAB's "contextOSE" entry). A
 * context pairs a left set of facts (the previous step's value bits and active context "neurons") with a right set (the
 * value bits that followed). Each step the memory learns the pair just seen, counts how often each selected context's
 * right side came true, activates the contexts whose both sides matched (their ids become the next step's neuron
 * facts, so the contexts chain into longer histories), learns the crossings of partially matched zero-level contexts
 * as new, more general contexts, and predicts the right facts of the best-scoring fully matched contexts. Sides are
 * stored once per distinct fact set and indexed by fact, as the original does. Facts are ints; sorted, distinct.
 * Written from the published algorithm; it differs from the Python reference in deterministic tie-breaks (context id
 * instead of Python's tuple hashes) and in not skipping context 0 (a {@code False == 0} quirk there). Not thread-safe.
 */
final class ContextMemory {

    private static final int LEFT = 0;
    private static final int RIGHT = 1;

    /** One side of one or more contexts: its facts and how many of them the current crossing matched. */
    private static final class Side {
        final int[] facts;
        final int[] matched;
        int matchedCount;
        /** Left sides only: the contexts with this left side, by their right side's index, in creation order. */
        final Map<Integer, Context> byRight = new LinkedHashMap<>();
        final int index;

        Side(int[] facts, int index) {
            this.facts = facts;
            this.matched = new int[facts.length];
            this.index = index;
        }

        boolean fullyMatched() {
            return matchedCount == facts.length;
        }

        int[] matchedFacts() {
            return Arrays.copyOf(matched, matchedCount);
        }
    }

    private static final class Context {
        final int id;
        final Side right;
        /** Right facts expected over every selection, right facts that came true, full activations. */
        long expected;
        long cameTrue;
        int activations;
        /** Learned from a whole step (left then right) rather than from a crossing; only those spawn crossings. */
        boolean zeroLevel;

        Context(int id, Side right, boolean zeroLevel) {
            this.id = id;
            this.right = right;
            this.zeroLevel = zeroLevel;
        }
    }

    /** A candidate context by its facts (content equality, unlike arrays). */
    private record Pair(int[] left, int[] right) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Pair p && Arrays.equals(left, p.left) && Arrays.equals(right, p.right);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(left) + Arrays.hashCode(right);
        }

        @Override
        public String toString() {
            return Arrays.toString(left) + "->" + Arrays.toString(right);
        }
    }

    private record Key(int[] facts) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(facts, k.facts);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(facts);
        }

        @Override
        public String toString() {
            return Arrays.toString(facts);
        }
    }

    /** What one step says: the facts predicted for the next step and the two shares the anomaly score is made of. */
    record Step(Set<Integer> predicted, double selectedActiveShare, double newContextShare) {
    }

    private final int maxLeftMatch;
    private final int maxActiveNeurons;
    private final int neuronBase;
    private final int maxContexts;
    @SuppressWarnings("unchecked")
    private final Map<Key, Side>[] sides = new Map[] {new HashMap<>(), new HashMap<>()};
    @SuppressWarnings("unchecked")
    private final List<Side>[] sideList = new List[] {new ArrayList<>(), new ArrayList<>()};
    @SuppressWarnings("unchecked")
    private final Map<Integer, List<Side>>[] byFact = new Map[] {new HashMap<>(), new HashMap<>()};
    @SuppressWarnings("unchecked")
    private final List<Side>[] matchedSides = new List[] {new ArrayList<>(), new ArrayList<>()};
    private final List<Context> contexts = new ArrayList<>();
    private int[] leftFacts = new int[0];
    private int newZeroLevelId = -1;

    /**
     * @param maxLeftMatch     largest partial left match a new context is learned from (the original's 7)
     * @param maxActiveNeurons most-activated contexts passed on to the next step as facts (the original's 15)
     * @param neuronBase       first fact number of the neuron facts (above every value fact)
     * @param maxContexts      contexts remembered at most; past it no new context is learned (bounds the memory of a
     *                         long upload; the original grows without bound)
     */
    ContextMemory(int maxLeftMatch, int maxActiveNeurons, int neuronBase, int maxContexts) {
        this.maxLeftMatch = maxLeftMatch;
        this.maxActiveNeurons = maxActiveNeurons;
        this.neuronBase = neuronBase;
        this.maxContexts = maxContexts;
    }

    int contexts() {
        return contexts.size();
    }

    /** Learns one step's value facts (sorted, distinct, below the neuron base) and predicts the next step's. */
    Step step(int[] valueFacts) {
        Set<Pair> candidates = new LinkedHashSet<>();
        boolean newZeroLevel = false;
        if (leftFacts.length > 0 && valueFacts.length > 0) {
            Pair whole = new Pair(leftFacts, valueFacts);
            candidates.add(whole);
            newZeroLevel = learnZeroLevel(whole);
        }
        match(RIGHT, valueFacts);
        Review review = new Review(maxActiveNeurons);
        int selected = reviewSelected(newZeroLevel, review);
        double selectedActiveShare = selected > 0 ? review.activeCount / (double) selected : 0;

        int neurons = review.topCount;
        int[] left = Arrays.copyOf(valueFacts, valueFacts.length + neurons);
        for (int i = 0; i < neurons; i++) {
            left[valueFacts.length + i] = neuronBase + review.top[i].id;
        }
        Arrays.sort(left);
        leftFacts = left;

        // Learned in first-seen order; a repeated crossing, or one equal to the whole step, learns nothing.
        int added = 0;
        for (Pair crossing : review.crossings) {
            if (learn(crossing)) {
                added++;
            }
        }
        candidates.addAll(review.crossings);
        Set<Integer> predicted = match(LEFT, leftFacts);
        if (newZeroLevel) {
            added++;
        }
        double newContextShare = newZeroLevel && !candidates.isEmpty() ? added / (double) candidates.size() : 0;
        return new Step(predicted, selectedActiveShare, newContextShare);
    }

    /** Learns the whole previous-step → this-step pair; true when it was new. */
    private boolean learnZeroLevel(Pair whole) {
        Side left = side(LEFT, whole.left);
        Side right = side(RIGHT, whole.right);
        Context existing = left.byRight.get(right.index);
        if (existing != null) {
            existing.zeroLevel = true;
            return false;
        }
        if (contexts.size() >= maxContexts) {
            return false;
        }
        Context c = new Context(contexts.size(), right, true);
        contexts.add(c);
        left.byRight.put(right.index, c);
        newZeroLevelId = c.id;
        return true;
    }

    /** Learns a crossing as a context; true when it was new. */
    private boolean learn(Pair pair) {
        if (contexts.size() >= maxContexts) {
            return false;
        }
        Side left = side(LEFT, pair.left);
        Side right = side(RIGHT, pair.right);
        if (left.byRight.containsKey(right.index)) {
            return false;
        }
        Context c = new Context(contexts.size(), right, false);
        contexts.add(c);
        left.byRight.put(right.index, c);
        return true;
    }

    private Side side(int which, int[] facts) {
        Key key = new Key(facts);
        Side s = sides[which].get(key);
        if (s == null) {
            s = new Side(facts, sideList[which].size());
            sides[which].put(key, s);
            sideList[which].add(s);
            for (int fact : facts) {
                byFact[which].computeIfAbsent(fact, f -> new ArrayList<>()).add(s);
            }
        }
        return s;
    }

    /**
     * Matches the sides of {@code which} against {@code facts}; on the left, returns the right facts of the fully
     * matched contexts that came true most often (the prediction), on the right an empty set.
     */
    private Set<Integer> match(int which, int[] facts) {
        for (Side s : matchedSides[which]) {
            s.matchedCount = 0;
        }
        int touched = 0;
        for (int fact : facts) {
            for (Side s : byFact[which].getOrDefault(fact, List.of())) {
                touched += s.matchedCount == 0 ? 1 : 0;
                s.matched[s.matchedCount++] = fact;
            }
        }
        // Creation order, as the original walks its sides: it decides the order new contexts are learned in. A scan
        // of every side, because the value facts are in most of them (sorting the matched ones cost far more).
        List<Side> matched = new ArrayList<>(touched);
        for (Side s : sideList[which]) {
            if (s.matchedCount > 0) {
                matched.add(s);
            }
        }
        matchedSides[which] = matched;
        if (which == RIGHT) {
            return Set.of();
        }
        double best = 0;
        List<Context> predicting = new ArrayList<>();
        for (Side s : matched) {
            if (!s.fullyMatched()) {
                continue;
            }
            for (Context c : s.byRight.values()) {
                double weight = c.expected > 0 ? c.cameTrue / (double) c.expected : 0;
                if (weight > best) {
                    best = weight;
                    predicting.clear();
                    predicting.add(c);
                } else if (weight == best) {
                    predicting.add(c);
                }
            }
        }
        Set<Integer> predicted = new LinkedHashSet<>();
        for (Context c : predicting) {
            for (int fact : c.right.facts) {
                predicted.add(fact);
            }
        }
        return predicted;
    }

    /** What the review of the selected contexts found: the active ones, the best of them, the crossings. */
    private static final class Review {
        int activeCount;
        /** The most often activated contexts (older first on ties): they carry the history into the next step. */
        final Context[] top;
        int topCount;
        final Set<Pair> crossings = new LinkedHashSet<>();

        Review(int maxActive) {
            this.top = new Context[maxActive];
        }

        void activated(Context c) {
            activeCount++;
            if (top.length == 0 || (topCount == top.length && !ahead(c, top[topCount - 1]))) {
                return;
            }
            int at = Math.min(topCount, top.length - 1);
            while (at > 0 && ahead(c, top[at - 1])) {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = c;
            topCount = Math.min(topCount + 1, top.length);
        }

        private static boolean ahead(Context a, Context b) {
            return a.activations > b.activations || (a.activations == b.activations && a.id < b.id);
        }
    }

    /**
     * Walks the contexts whose left side the previous step matched, against this step's right match: a fully matched
     * left side selects its contexts (their expectations and hits are counted, a fully matched right side activates
     * one); a zero-level context matched only in part on either side is crossed into a candidate new context, when
     * this step was itself new.
     *
     * @return the number of contexts selected
     */
    private int reviewSelected(boolean newZeroLevel, Review review) {
        int selected = 0;
        for (Side left : matchedSides[LEFT]) {
            for (Context c : left.byRight.values()) {
                if (c.id == newZeroLevelId) {
                    continue;
                }
                Side right = c.right;
                boolean crossable = c.zeroLevel && newZeroLevel && left.matchedCount <= maxLeftMatch;
                if (left.fullyMatched()) {
                    selected++;
                    c.expected += right.facts.length;
                    if (right.matchedCount > 0) {
                        c.cameTrue += right.matchedCount;
                        if (right.fullyMatched()) {
                            c.activations++;
                            review.activated(c);
                        } else if (crossable) {
                            review.crossings.add(new Pair(left.matchedFacts(), right.matchedFacts()));
                        }
                    }
                } else if (crossable && right.matchedCount > 0) {
                    review.crossings.add(new Pair(left.matchedFacts(), right.matchedFacts()));
                }
            }
        }
        newZeroLevelId = -1;
        return selected;
    }
}
