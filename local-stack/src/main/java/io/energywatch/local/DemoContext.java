package io.energywatch.local;

import tools.jackson.databind.json.JsonMapper;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;

/**
 * What every demo step may use: the platform's addresses, an HTTP client and JSON, service availability, what the
 * demo ingests, the pipeline's consumer groups and the drain waiter, output.
 */
record DemoContext(PlatformConfig platform, HttpClient http, JsonMapper json, DemoStep.ServiceAvailability services,
                   DemoInput input, ConsumerGroups groups, PipelineDrain drain, boolean terminal, PrintStream out) {

    /** Base URL of a service module, e.g. http://127.0.0.1:8081 for ingestion-service. */
    URI serviceUrl(String module) {
        return PlatformService.named(module).url(platform);
    }

    IngestionClient ingestionClient() {
        return new IngestionClient(http, json, serviceUrl("ingestion-service"));
    }
}
