package io.energywatch.prediction.models;

/** Why a forecaster was trained; recorded with the version (parameter {@code trigger}) and in its training run. */
public enum TrainingTrigger {
    /** the weekly retraining of every champion */
    SCHEDULE("schedule"),
    /** a {@code DriftDetected} event for the forecaster */
    DRIFT("drift"),
    /** a forecast or what-if found the champion behind the history, or none */
    ON_DEMAND("on-demand"),
    /** a series reached enough history for scheduled forecasts and had no champion at an issuance horizon */
    ISSUANCE("issuance");

    /** The registry parameter that holds the trigger's id. */
    public static final String PARAMETER = "trigger";

    private final String id;

    TrainingTrigger(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
