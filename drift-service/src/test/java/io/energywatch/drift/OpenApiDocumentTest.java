package io.energywatch.drift;

import io.energywatch.testsupport.FreePorts;
import io.energywatch.testsupport.DirectAccess;
import io.energywatch.testsupport.OpenApiDocuments;
import io.energywatch.testsupport.RealServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.UUID;

/**
 * Every route of the service is documented (an {@code @Operation} summary) and
 * {@code docs/openapi/drift-service.json} is the current document: run with {@code -Dopenapi.write=true} to regenerate
 * it. Started as {@link DriftServiceTest} starts the service (Elasticsearch down, which the document does not need).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.kafka(registry);
        RealServers.mongo(registry);
        registry.add("spring.elasticsearch.uris", () -> "http://127.0.0.1:" + FreePorts.find());
        registry.add("energywatch.drift.registry.root",
                () -> Path.of(System.getProperty("java.io.tmpdir"), "drift-registry-openapi-" + RUN).toString());
        registry.add("energywatch.drift.window.group-id", () -> "drift-window-openapi-" + RUN);
        registry.add("energywatch.drift.store.collection", () -> "drift_reports_openapi_" + RUN);
        registry.add("spring.elasticsearch.connection-timeout", () -> "200ms");
    }

    @Autowired
    Environment environment;

    @Test
    void everyRouteIsDocumentedAndTheGeneratedCopyIsCurrent() throws Exception {
        OpenApiDocuments.check(environment.getRequiredProperty("local.server.port", Integer.class), "drift-service");
    }

    /** Bypassing the gateway gets nothing: every documented route of the service needs a token. */
    @Test
    void withoutATokenEveryRouteAnswers401AndOnlyHealthAndTheDocumentAreOpen() throws Exception {
        DirectAccess.checkRefusedWithoutToken(environment.getRequiredProperty("local.server.port", Integer.class));
    }
}
