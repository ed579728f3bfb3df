package io.energywatch.local;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code ./energywatch kibana import}: sends the saved objects of {@code kibana/energywatch.ndjson} to Kibana's import
 * API ({@code POST /api/saved_objects/_import?overwrite=true}, multipart field {@code file}, header
 * {@code kbn-xsrf}), into a space when one is named, and reports how many objects Kibana took and every error it gave.
 */
final class KibanaImport {

    /** The checkout's saved objects. */
    static final String DEFAULT_FILE = "kibana/energywatch.ndjson";
    /** Kibana's space ids: lowercase letters, digits, underscores and hyphens. */
    static final Pattern SPACE = Pattern.compile("[a-z0-9_-]+");
    static final String USERNAME_VARIABLE = "KIBANA_USERNAME";
    static final String PASSWORD_VARIABLE = "KIBANA_PASSWORD";
    /** Kibana migrates every object it imports; a few hundred take seconds, a cold Kibana more. */
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** Basic authentication for Kibana (a user of the Elasticsearch security realm, such as elastic). */
    record Credentials(String username, String password) {
        /** From KIBANA_USERNAME and KIBANA_PASSWORD; none when the user name is unset. */
        static Optional<Credentials> from(Map<String, String> environment) {
            String username = environment.get(USERNAME_VARIABLE);
            if (username == null || username.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new Credentials(username, environment.getOrDefault(PASSWORD_VARIABLE, "")));
        }

        String header() {
            return "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** What Kibana answered: the objects it imported and one line per object it refused. */
    record Outcome(boolean success, int successCount, List<String> errors, List<String> warnings) {
    }

    private final HttpClient http;
    private final JsonMapper json;
    private final Optional<Credentials> credentials;

    KibanaImport(HttpClient http, JsonMapper json, Optional<Credentials> credentials) {
        this.http = http;
        this.json = json;
        this.credentials = credentials;
    }

    /** Imports {@code file}, prints the outcome and returns the exit code: 0 when every object was imported. */
    int run(URI kibana, Optional<String> space, Path file, PrintStream out, PrintStream err) {
        Outcome outcome = send(kibana, space, file);
        out.printf("Kibana %s: %d saved objects imported from %s%s%n", kibana, outcome.successCount(),
                file.getFileName(), space.map(s -> " into space " + s).orElse(""));
        outcome.warnings().forEach(w -> out.println("  warning: " + w));
        outcome.errors().forEach(e -> err.println("  error: " + e));
        if (!outcome.success() || !outcome.errors().isEmpty()) {
            err.printf("energywatch: Kibana refused %d object(s)%n", outcome.errors().size());
            return 1;
        }
        return 0;
    }

    Outcome send(URI kibana, Optional<String> space, Path file) {
        byte[] objects;
        try {
            objects = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StackException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String boundary = "energywatch-" + UUID.randomUUID();
        URI endpoint = endpoint(kibana, space);
        var request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
                .header("kbn-xsrf", "true")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, file.getFileName().toString(),
                        objects)));
        credentials.ifPresent(c -> request.header("Authorization", c.header()));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StackException("Kibana at " + kibana + " did not answer (" + e + "): is it running and ready?",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while importing into Kibana", e);
        }
        return outcome(endpoint, response);
    }

    /** {@code URL/api/saved_objects/_import}, or {@code URL/s/SPACE/api/...} for another space than the default. */
    static URI endpoint(URI kibana, Optional<String> space) {
        String base = kibana.toString().replaceAll("/+$", "");
        String spacePath = space.map(s -> "/s/" + s).orElse("");
        return URI.create(base + spacePath + "/api/saved_objects/_import?overwrite=true");
    }

    private static byte[] multipart(String boundary, String fileName, byte[] content) {
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/ndjson\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] tailBytes = tail.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[headBytes.length + content.length + tailBytes.length];
        System.arraycopy(headBytes, 0, body, 0, headBytes.length);
        System.arraycopy(content, 0, body, headBytes.length, content.length);
        System.arraycopy(tailBytes, 0, body, headBytes.length + content.length, tailBytes.length);
        return body;
    }

    private Outcome outcome(URI endpoint, HttpResponse<String> response) {
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (JacksonException e) {
            throw new StackException("Kibana answered " + response.statusCode() + " to POST " + endpoint
                    + " with something else than JSON: " + abbreviate(response.body()));
        }
        if (response.statusCode() != 200) {
            // Kibana's own errors: {statusCode, error, message}, e.g. 401 without credentials, 413 too large.
            throw new StackException("Kibana answered " + response.statusCode() + " to POST " + endpoint + ": "
                    + body.path("error").asString("") + " " + body.path("message").asString(abbreviate(response.body()))
                    + (response.statusCode() == 401 ? " (set " + USERNAME_VARIABLE + " and " + PASSWORD_VARIABLE + ")"
                    : ""));
        }
        List<String> errors = new ArrayList<>();
        for (JsonNode error : body.path("errors")) {
            errors.add(describe(error));
        }
        List<String> warnings = new ArrayList<>();
        for (JsonNode warning : body.path("warnings")) {
            warnings.add(warning.path("message").asString(warning.toString()));
        }
        return new Outcome(body.path("success").asBoolean(false), body.path("successCount").asInt(0), errors,
                warnings);
    }

    /** {@code lens energywatch-lens-x "Title": missing_references index-pattern:id, ...}. */
    private static String describe(JsonNode error) {
        String title = error.path("meta").path("title").asString(error.path("title").asString(""));
        JsonNode cause = error.path("error");
        var text = new StringBuilder(error.path("type").asString("?")).append(' ')
                .append(error.path("id").asString("?"));
        if (!title.isEmpty()) {
            text.append(" \"").append(title).append('"');
        }
        text.append(": ").append(cause.path("type").asString("unknown"));
        List<String> references = new ArrayList<>();
        for (JsonNode reference : cause.path("references")) {
            references.add(reference.path("type").asString() + ":" + reference.path("id").asString());
        }
        if (!references.isEmpty()) {
            text.append(' ').append(String.join(", ", references));
        }
        if (cause.hasNonNull("message")) {
            text.append(" (").append(cause.path("message").asString()).append(')');
        }
        return text.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
