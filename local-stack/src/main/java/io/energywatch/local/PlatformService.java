package io.energywatch.local;

import java.net.URI;
import java.util.List;

/**
 * A service of the platform: its Maven module (which names its jar, log and pid file) and the key of its port in
 * energywatch-platform.yml. {@link #ALL} is the one list that {@code up}, {@code down}, {@code status} and the demo use.
 */
record PlatformService(String module, String portKey) {

    static final List<PlatformService> ALL = List.of(
            new PlatformService("gateway", "gateway"),
            new PlatformService("ingestion-service", "ingestion"),
            new PlatformService("fusion-service", "fusion"),
            new PlatformService("anomaly-service", "anomaly"),
            new PlatformService("prediction-service", "prediction"),
            new PlatformService("drift-service", "drift"));

    /** Its base URL on the local host, e.g. http://127.0.0.1:8081 for ingestion-service. */
    URI url(PlatformConfig platform) {
        return URI.create("http://" + platform.host() + ":" + platform.port(portKey));
    }

    static PlatformService named(String module) {
        return ALL.stream().filter(service -> service.module().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service module '" + module + "'"));
    }
}
