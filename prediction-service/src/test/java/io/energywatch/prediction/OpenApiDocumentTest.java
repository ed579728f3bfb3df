package io.energywatch.prediction;

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

import java.nio.file.Files;

/**
 * Every route of the service is documented (an {@code @Operation} summary) and
 * {@code docs/openapi/prediction-service.json} is the current document: run with {@code -Dopenapi.write=true} to
 * regenerate it. Started on the servers {@link PredictionPipelineTest} uses (the same test JVM shares them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentTest {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) throws Exception {
        RealServers.elasticsearch(registry);
        RealServers.kafka(registry);
        registry.add("spring.mongodb.uri", () -> MongoWireTestServer.shared().uri("prediction-openapi-test"));
        String registryDir = Files.createTempDirectory("prediction-registry").toString();
        registry.add("energywatch.prediction.models.registry-dir", () -> registryDir);
        registry.add("energywatch.prediction.models.mlflow-tracking-uri", () -> "");
        registry.add("energywatch.prediction.issuance.enabled", () -> "false");
    }

    @Autowired
    Environment environment;

    @Test
    void everyRouteIsDocumentedAndTheGeneratedCopyIsCurrent() throws Exception {
        OpenApiDocuments.check(environment.getRequiredProperty("local.server.port", Integer.class),
                "prediction-service");
    }

    /** Bypassing the gateway gets nothing: every documented route of the service needs a token. */
    @Test
    void withoutATokenEveryRouteAnswers401AndOnlyHealthAndTheDocumentAreOpen() throws Exception {
        DirectAccess.checkRefusedWithoutToken(environment.getRequiredProperty("local.server.port", Integer.class));
    }
}
