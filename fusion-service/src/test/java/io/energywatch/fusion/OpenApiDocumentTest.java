package io.energywatch.fusion;

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

import java.util.UUID;

/**
 * Every route of the service is documented (an {@code @Operation} summary) and {@code docs/openapi/fusion-service.json} is
 * the current document: run with {@code -Dopenapi.write=true} to regenerate it. The document needs no Elasticsearch, so
 * none is started (as in {@link StartsWithoutElasticsearchTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentTest {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.kafka(registry);
        registry.add("spring.elasticsearch.uris", () -> "http://127.0.0.1:" + FreePorts.find());
        String run = UUID.randomUUID().toString().substring(0, 8);
        registry.add("energywatch.fusion.streams.application-id", () -> "fusion-openapi-" + run);
        registry.add("energywatch.fusion.indexing.group-id", () -> "fusion-openapi-indexer-" + run);
        registry.add("energywatch.fusion.streams.state-dir", () -> System.getProperty("java.io.tmpdir") + "/fusion-openapi-"
                + run);
    }

    @Autowired
    Environment environment;

    @Test
    void everyRouteIsDocumentedAndTheGeneratedCopyIsCurrent() throws Exception {
        OpenApiDocuments.check(environment.getRequiredProperty("local.server.port", Integer.class), "fusion-service");
    }

    /** Bypassing the gateway gets nothing: every documented route of the service needs a token. */
    @Test
    void withoutATokenEveryRouteAnswers401AndOnlyHealthAndTheDocumentAreOpen() throws Exception {
        DirectAccess.checkRefusedWithoutToken(environment.getRequiredProperty("local.server.port", Integer.class));
    }
}
