package io.energywatch.gateway.system;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/system}: what runs, in which version, and how far behind each consumer is. */
@RestController
class SystemController {

    private final SystemReader reader;

    SystemController(SystemReader reader) {
        this.reader = reader;
    }

    @GetMapping("/api/v1/system")
    @Operation(summary = "Health, versions and lag of every service, store, topic and consumer group",
            description = "Each service's health and version (its OpenAPI document's), each store (MongoDB, "
                    + "Elasticsearch, Kafka) as the services' health checks report it, each topic of the platform "
                    + "(partitions, records) and each consumer group with its lag, read by the gateway's own Kafka "
                    + "client. Every check has a timeout: a service or store that is down shows as DOWN within "
                    + "seconds, and the answer is still 200.")
    SystemStatus system() {
        return reader.read();
    }
}
