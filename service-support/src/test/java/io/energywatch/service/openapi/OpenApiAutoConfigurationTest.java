package io.energywatch.service.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared frame of every service's document: info, the Problem schema and the common problem+json responses. */
class OpenApiAutoConfigurationTest {

    @Test
    void everyOperationGetsTheCommonProblemResponsesAndKeepsItsOwn() {
        var created = new ApiResponse().description("Created");
        var notFound = new ApiResponse().description("No such rule");
        var post = new Operation().summary("Create").responses(new ApiResponses()
                .addApiResponse("201", created).addApiResponse("404", notFound));
        var get = new Operation().summary("Read");
        var openApi = new OpenAPI().info(new Info().title("OpenAPI definition"))
                .paths(new Paths().addPathItem("/api/v1/things", new PathItem().post(post).get(get)));

        new OpenApiAutoConfiguration().energywatchOpenApi("thing-service").customise(openApi);

        assertThat(openApi.getInfo().getTitle()).isEqualTo("EnergyWatch thing-service");
        assertThat(openApi.getInfo().getVersion()).isEqualTo(OpenApiAutoConfiguration.buildVersion())
                .isNotBlank().isNotEqualTo("unknown");
        assertThat(openApi.getComponents().getSchemas()).containsKeys("Problem", "ProblemError");
        assertThat(openApi.getComponents().getSchemas().get("Problem").getProperties())
                .containsKeys("type", "title", "status", "detail", "errors", "store");
        for (Operation operation : new Operation[] {post, get}) {
            assertThat(operation.getResponses()).containsKeys("400", "404", "422", "503", "507");
            for (String status : new String[] {"400", "404", "422", "503", "507"}) {
                var content = operation.getResponses().get(status).getContent();
                assertThat(content).containsOnlyKeys("application/problem+json");
                assertThat(content.get("application/problem+json").getSchema().get$ref())
                        .isEqualTo("#/components/schemas/Problem");
            }
        }
        assertThat(post.getResponses().get("201")).isSameAs(created);
        assertThat(post.getResponses().get("404").getDescription()).isEqualTo("No such rule");
        assertThat(get.getResponses().get("503").getDescription()).contains("Retry-After");
    }
}
