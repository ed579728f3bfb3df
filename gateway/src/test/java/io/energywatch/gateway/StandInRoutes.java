package io.energywatch.gateway;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.function.Supplier;

/** Points every route of the gateway at one stand-in for all the services (the routes' *_URL variables). */
public final class StandInRoutes {

    private static final String[] SERVICES = {"INGESTION", "FUSION", "ANOMALY", "PREDICTION", "DRIFT"};

    private StandInRoutes() {
    }

    public static void allTo(DynamicPropertyRegistry registry, Supplier<Object> url) {
        for (String service : SERVICES) {
            registry.add(service + "_URL", url);
        }
    }
}
