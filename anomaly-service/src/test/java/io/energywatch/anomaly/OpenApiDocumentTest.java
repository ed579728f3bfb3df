package io.energywatch.anomaly;

import io.energywatch.testsupport.DirectAccess;
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

    /** Bypassing the gateway gets nothing: every documented route of the service needs a token. */
    @Test
    void withoutATokenEveryRouteAnswers401AndOnlyHealthAndTheDocumentAreOpen() throws Exception {
        DirectAccess.checkRefusedWithoutToken(environment.getRequiredProperty("local.server.port", Integer.class));
    }
}
