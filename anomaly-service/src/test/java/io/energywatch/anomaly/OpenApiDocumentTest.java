package io.energywatch.anomaly;

import io.energywatch.testsupport.OpenApiDocuments;
import org.junit.jupiter.api.Test;

/**
 * Every route of the service is documented (an {@code @Operation} summary) and {@code docs/openapi/anomaly-service.json}
 * is the current document: run with {@code -Dopenapi.write=true} to regenerate it.
 */
class OpenApiDocumentTest extends AnomalyServiceTest {

    @Test
    void everyRouteIsDocumentedAndTheGeneratedCopyIsCurrent() throws Exception {
        OpenApiDocuments.check(environment.getRequiredProperty("local.server.port", Integer.class), "anomaly-service");
    }
}
