package io.energywatch.local;

import io.energywatch.service.security.Role;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;

/**
 * What every demo step may use: the platform's addresses, an HTTP client that sends an admin's token, JSON, service
 * availability, what the demo ingests, the pipeline's consumer groups and the drain waiter, output, and tokens of other
 * roles.
 */
record DemoContext(PlatformConfig platform, HttpClient http, JsonMapper json, DemoStep.ServiceAvailability services,
                   DemoInput input, ConsumerGroups groups, PipelineDrain drain, boolean terminal, PrintStream out,
                   Tokens tokens) {

    /** Mints a token of the installation for a role, for steps that show what each role may do. */
    @FunctionalInterface
    interface Tokens {
        String mint(Role role);
    }

    /**
     * Base URL for the API of a service module: the gateway, which routes each path to the module that owns it and is
     * the only entry the platform's tokens and limits guard. {@code module} names the service that will answer.
     */
    URI serviceUrl(String module) {
        PlatformService.named(module);
        return PlatformService.named("gateway").url(platform);
    }

    IngestionClient ingestionClient() {
        return new IngestionClient(http, json, serviceUrl("ingestion-service"));
    }
}
