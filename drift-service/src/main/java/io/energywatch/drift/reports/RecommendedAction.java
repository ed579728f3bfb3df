package io.energywatch.drift.reports;

/**
 * One thing to do about a report's drift.
 *
 * @param target RETRAIN: the model id; CHECK_SOURCE: {@code weather:<area>} or {@code consumption:<scope>};
 *               INVESTIGATE_FEATURE: the feature
 */
public record RecommendedAction(Action action, String target, String reason) {

    public enum Action {
        RETRAIN, CHECK_SOURCE, INVESTIGATE_FEATURE
    }
}
