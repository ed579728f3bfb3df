package io.energywatch.contracts;

/**
 * The publisher's own status of a value. ODRÉ and éCO2mix publish real-time values that are later consolidated and then
 * made definitive; a model trained on definitive data should know which kind it is scoring.
 */
public enum QualityStatus {
    /** Définitif: the publisher's final value. */
    DEFINITIVE,
    /** Consolidé: checked, may still change. */
    CONSOLIDATED,
    /** Temps réel: provisional. */
    REAL_TIME,
    /** Estimated by the publisher or a meter system. */
    ESTIMATED,
    /** Produced by the EnergyWatch simulator. */
    SIMULATED,
    /** The source gives no status. */
    UNKNOWN
}
