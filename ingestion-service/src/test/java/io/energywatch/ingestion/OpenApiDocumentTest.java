package io.energywatch.ingestion;

import io.energywatch.testsupport.MongoWireTestServer;
import io.energywatch.testsupport.DirectAccess;
import io.energywatch.testsupport.OpenApiDocuments;
import io.energywatch.testsupport.RealServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

/**
 * Every route of the service is documented (an {@code @Operation} summary) and {@code docs/openapi/ingestion-service.json}
 * is the current document: run with {@code -Dopenapi.write=true} to regenerate it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentTest {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.kafka(registry);
        registry.add("spring.mongodb.uri", () -> MongoWireTestServer.shared().uri("openapi-test"));
        registry.add("energywatch.ingestion.spool-dir", () -> System.getProperty("java.io.tmpdir") + "/ew-spool-"
                + UUID.randomUUID());
    }

    @Autowired
    Environment environment;

    @Test
    void everyRouteIsDocumentedAndTheGeneratedCopyIsCurrent() throws Exception {
        OpenApiDocuments.check(environment.getRequiredProperty("local.server.port", Integer.class), "ingestion-service");
    }

    /** Bypassing the gateway gets nothing: every documented route of the service needs a token. */
    @Test
    void withoutATokenEveryRouteAnswers401AndOnlyHealthAndTheDocumentAreOpen() throws Exception {
        DirectAccess.checkRefusedWithoutToken(environment.getRequiredProperty("local.server.port", Integer.class));
    }
}
