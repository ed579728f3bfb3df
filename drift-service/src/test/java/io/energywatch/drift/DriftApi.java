package io.energywatch.drift;

import io.energywatch.service.security.Role;
import io.energywatch.testsupport.TestTokens;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

/** The drift service's HTTP API as the tests call it; answers of every status are returned, not thrown. */
final class DriftApi {

    private final RestClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    DriftApi(int port) {
        this.http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", TestTokens.bearer(Role.ADMIN))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                }).build();
    }

    record Answer(int status, String contentType, String location, JsonNode body) {
    }

    Answer get(String path) {
        return http.get().uri(path).exchange((request, response) -> answer(response.getStatusCode().value(),
                response.getHeaders().getContentType(), response.getHeaders().getFirst("Location"),
                response.getBody().readAllBytes()));
    }

    /** The body of a GET as text, asking for {@code accept}; fails unless the answer is 200. */
    String getText(String path, String accept) {
        return http.get().uri(path).header("Accept", accept).exchange((request, response) -> {
            if (response.getStatusCode().value() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.getStatusCode());
            }
            return new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
        });
    }

    Answer postJson(String path, String body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange((request, response) -> answer(response.getStatusCode().value(),
                        response.getHeaders().getContentType(), response.getHeaders().getFirst("Location"),
                        response.getBody().readAllBytes()));
    }

    Answer postSamples(String path, String referenceCsv, String currentCsv) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("reference", file("reference.csv", referenceCsv));
        parts.add("current", file("current.csv", currentCsv));
        return http.post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .exchange((request, response) -> answer(response.getStatusCode().value(),
                        response.getHeaders().getContentType(), response.getHeaders().getFirst("Location"),
                        response.getBody().readAllBytes()));
    }

    private Answer answer(int status, MediaType type, String location, byte[] body) {
        return new Answer(status, type == null ? "" : type.toString(), location == null ? "" : location,
                body.length == 0 ? json.nullNode() : json.readTree(body));
    }

    private static ByteArrayResource file(String name, String content) {
        return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }
}
