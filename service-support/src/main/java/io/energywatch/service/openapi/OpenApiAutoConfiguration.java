package io.energywatch.service.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.ServerBaseUrlCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What every service's OpenAPI document ({@code /v3/api-docs}) shares: the API info (title from the application's
 * name unless the application declares one, the build's version) and the {@code Problem} schema (RFC 9457, as
 * {@code ProblemResponses} renders every error) with the errors every route can answer: 400, 404, 422, 503 (a store is
 * down) and 507 (a store is full), all {@code application/problem+json}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
public class OpenApiAutoConfiguration {

    public static final String PROBLEM = "Problem";
    public static final String PROBLEM_ERROR = "ProblemError";
    public static final String BEARER = "bearer-jwt";
    static final String PROBLEM_JSON = "application/problem+json";

    /** Status → description of the error responses added to every operation that does not declare its own. */
    static final Map<String, String> COMMON_ERRORS = commonErrors();

    @Bean
    OpenApiCustomizer energywatchOpenApi(@Value("${spring.application.name}") String application) {
        String version = buildVersion();
        return openApi -> {
            Info info = openApi.getInfo() == null ? new Info() : openApi.getInfo();
            if (info.getTitle() == null || info.getTitle().equals("OpenAPI definition")) {
                info.setTitle("EnergyWatch " + application);
            }
            info.setVersion(version);
            openApi.setInfo(info);
            addProblemSchemas(openApi);
            addBearerScheme(openApi);
            if (openApi.getPaths() != null) {
                openApi.getPaths().values().forEach(path -> path.readOperations()
                        .forEach(OpenApiAutoConfiguration::addCommonErrors));
            }
        };
    }

    /**
     * The document's server is "/", relative to wherever the document was fetched from: through the gateway (its
     * Swagger UI fetches every service's document under /v3/api-docs/<service>) "Try it out" then calls the gateway,
     * not the service's own port behind it.
     */
    @Bean
    ServerBaseUrlCustomizer relativeServerUrl() {
        return (serverBaseUrl, request) -> "/";
    }

    private static void addProblemSchemas(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        Schema<?> error = new ObjectSchema()
                .description("One entry of a problem's errors: {field, value, reason} for request fields, "
                        + "{line, field, reason} for rows of an uploaded file.")
                .addProperty("line", new IntegerSchema().format("int64").description("Line of the uploaded file")
                        .example(42))
                .addProperty("field", new StringSchema().description("Field or parameter").example("from"))
                .addProperty("value", new StringSchema().description("The rejected value").example("2023-13-01"))
                .addProperty("reason", new StringSchema().description("Why it was rejected")
                        .example("must be an ISO-8601 date"));
        error.setRequired(java.util.List.of("reason"));
        Schema<?> problem = new ObjectSchema()
                .description("RFC 9457 problem details, as every EnergyWatch error is rendered "
                        + "(Content-Type application/problem+json).")
                .addProperty("type", new StringSchema().format("uri").description("The problem's type")
                        .example("https://energywatch.io/problems/invalid-request"))
                .addProperty("title", new StringSchema().description("Short summary of the type")
                        .example("Invalid request"))
                .addProperty("status", new IntegerSchema().description("HTTP status").example(400))
                .addProperty("detail", new StringSchema().description("What went wrong in this request")
                        .example("1 parameter(s) are invalid"))
                .addProperty("instance", new StringSchema().format("uri").description("The request's path"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref(ref(PROBLEM_ERROR)))
                        .description("The fields, parameters or file rows at fault"))
                .addProperty("store", new StringSchema()
                        .description("503/507 only: the store that failed (mongodb, kafka or elasticsearch)")
                        .example("mongodb"));
        problem.setRequired(java.util.List.of("type", "title", "status"));
        openApi.getComponents().addSchemas(PROBLEM_ERROR, error);
        openApi.getComponents().addSchemas(PROBLEM, problem);
    }

    /** Every route but the documents and probes needs a JWT (io.energywatch.service.security.ApiAccess). */
    private static void addBearerScheme(OpenAPI openApi) {
        openApi.getComponents().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT")
                .description("A JWT from the identity provider, or `./energywatch token --role <viewer|operator|"
                        + "analyst|admin>` on an installation without one. Roles: viewer reads; operator also gives "
                        + "feedback, acknowledges, detects, runs what-ifs and forecasts; analyst also ingests, trains, "
                        + "backtests and runs drift analyses and clustering; admin also manages alert rules."));
        openApi.setSecurity(java.util.List.of(new SecurityRequirement().addList(BEARER)));
    }

    private static void addCommonErrors(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        COMMON_ERRORS.forEach((status, description) -> {
            ApiResponse existing = operation.getResponses().get(status);
            if (existing == null) {
                existing = new ApiResponse().description(description);
                operation.getResponses().addApiResponse(status, existing);
            }
            // springdoc derives responses from the exception handlers with the handler's (generic) media types:
            // every error body is a Problem.
            existing.setContent(new Content().addMediaType(PROBLEM_JSON,
                    new MediaType().schema(new Schema<>().$ref(ref(PROBLEM)))));
        });
    }

    private static String ref(String schema) {
        return "#/components/schemas/" + schema;
    }

    private static Map<String, String> commonErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "Invalid request: a parameter or field is missing or malformed (named in errors)");
        errors.put("401", "No token, or a token that is expired, badly signed, or for another issuer or audience");
        errors.put("403", "The token's roles do not allow this route");
        errors.put("404", "Not found");
        errors.put("422", "Well-formed but not acceptable (the detail says why)");
        errors.put("503", "A store (MongoDB, Kafka or Elasticsearch) is unreachable; retry after Retry-After seconds");
        errors.put("507", "A store refuses writes for lack of space");
        return errors;
    }

    /** The build's version, written into service-support's jar by Maven resource filtering. */
    static String buildVersion() {
        try (InputStream in = OpenApiAutoConfiguration.class.getResourceAsStream("/energywatch-build.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
