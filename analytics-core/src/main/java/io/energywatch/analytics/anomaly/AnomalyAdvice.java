package io.energywatch.analytics.anomaly;

import io.energywatch.contracts.AnomalyType;

/** The short recommendation an operator reads with each type of anomaly. */
public final class AnomalyAdvice {

    private AnomalyAdvice() {
    }

    public static String recommendation(AnomalyType type) {
        return switch (type) {
            case SPIKE -> "Consumption far above the expected range: check for an unplanned load, a faulty appliance "
                    + "or a double-counted reading before the next billing cycle.";
            case DROP -> "Consumption far below the expected range: check for an outage, a tripped breaker, a meter "
                    + "communication fault or a site shut down without notice.";
            case STUCK_METER -> "The meter repeats the same reading: check its communication and register; readings "
                    + "may be estimated or frozen, so do not bill on them until verified.";
            case LEVEL_SHIFT -> "The consumption level changed and stayed changed: confirm a new equipment, tariff or "
                    + "occupancy change, and retrain the baseline if it is the new normal.";
            case GRADUAL_DRIFT -> "Consumption is drifting away from its long-term level: look for degrading equipment "
                    + "(insulation, HVAC efficiency) or a slow leak, and plan an inspection.";
            case PEER_DEVIATION -> "This series departs from its peers: compare it with similar sites or regions and "
                    + "check its metadata and metering.";
        };
    }
}
