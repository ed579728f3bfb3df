package io.energywatch.testsupport;

import io.energywatch.service.security.Role;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The hostile-input corpus of a service: cases read from a JSON file under test resources ({@code hostile/*.json}), each
 * a request and the answer it must get, sent to the running service by {@link #check}. Every answer must be the
 * expected status; a 4xx must be problem+json of the expected type whose body holds the expected fragments (the field
 * or line it names), at most {@link #MAX_PROBLEM_BYTES}, and no Java class name; the service must still be healthy
 * afterwards; and what the service stores ({@code stored}, counts the test supplies) must be unchanged by a refusal.
 * Big inputs (5 MB lines, 20 MB bodies, 10,000 levels of nesting) are generated from a few words in the case file.
 *
 * <p>A case: {@code name}, {@code method} (GET), {@code path} (with its query, as sent), {@code contentType}, a body
 * as {@code body} (text), {@code bodyBase64} or {@code generate} (segments {@code {text, times}} joined), written in
 * {@code charset} (UTF-8; {@code UTF-8-BOM} adds the mark), sent raw or as the part {@code multipart.part} (file name
 * {@code multipart.filename}) of a multipart body, or as the parts {@code multipart.parts} (each a {@code name},
 * {@code filename} and body of its own); {@code role} (ADMIN), or {@code authorization}: the name of an
 * {@code Authorization} value the test supplies (tokens are signed per run: expired, {@code alg: none}, ...), JSON
 * null for no header at all; {@code headers}: more headers, each a {@code name} and a {@code value} or generated
 * segments ({@code generate}, as a body's); {@code expect}: {@code status}, {@code type}
 * (the problem type's slug), {@code contains} (fragments of the body), and for an accepted upload {@code job}: the
 * path of the resource to poll ({@code {id}} from the answer), the terminal {@code status} it must reach and
 * {@code contains} of the finished resource.
 */
public final class HostileCorpus {

    /** A problem body larger than this quotes too much of the request. */
    public static final int MAX_PROBLEM_BYTES = 32 * 1024;
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:java|javax|jakarta|tools\\.jackson|com\\.fasterxml|org\\.springframework|org\\.apache|io\\.energywatch)"
                    + "\\.[a-z]|\\b[A-Z][A-Za-z]*(?:Exception|Error)\\b");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BOUNDARY = "hostile-corpus-boundary";

    /** One case of the file, with its expected answer. */
    public record Case(String name, JsonNode spec) {

        @Override
        public String toString() {
            return name;
        }
    }

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Supplier<Map<String, Long>> stored;
    private final Map<String, String> authorizations;

    /**
     * @param base   the service's root URI
     * @param stored what the service holds, by name (documents, records, files): a refused request must not change it
     */
    public HostileCorpus(URI base, Supplier<Map<String, Long>> stored) {
        this(base, stored, Map.of());
    }

    /**
     * @param authorizations {@code Authorization} header values by the name a case's {@code authorization} gives
     */
    public HostileCorpus(URI base, Supplier<Map<String, Long>> stored, Map<String, String> authorizations) {
        this.base = base;
        this.stored = stored;
        this.authorizations = Map.copyOf(authorizations);
    }

    /** The cases of a classpath resource, in file order; prints how many there are. */
    public static List<Case> load(String resource) {
        try (InputStream in = HostileCorpus.class.getClassLoader().getResourceAsStream(resource)) {
            Objects.requireNonNull(in, "no test resource " + resource);
            JsonNode root = JSON.readTree(in);
            List<Case> cases = new ArrayList<>();
            for (JsonNode c : root.path("cases")) {
                cases.add(new Case(c.path("name").asString(), c));
            }
            System.out.println("hostile corpus " + resource + ": " + cases.size() + " cases");
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the case and checks everything its answer must be; returns the answer's body for further checks. */
    public JsonNode check(Case c) throws IOException, InterruptedException {
        JsonNode spec = c.spec();
        JsonNode expect = spec.path("expect");
        int status = expect.path("status").asInt();
        Map<String, Long> before = status >= 400 ? settled() : Map.of();
        HttpResponse<byte[]> answer = http.send(request(spec), HttpResponse.BodyHandlers.ofByteArray());
        String body = new String(answer.body(), StandardCharsets.UTF_8);
        String what = c.name() + " answered " + answer.statusCode() + " " + cut(body);
        check(answer.statusCode() == status, what + ", expected " + status);
        if (status >= 400) {
            String contentType = answer.headers().firstValue("Content-Type").orElse("");
            check(contentType.startsWith("application/problem+json"), what + ": not problem+json but " + contentType);
            check(answer.body().length <= MAX_PROBLEM_BYTES, c.name() + ": a problem of " + answer.body().length
                    + " bytes quotes too much of the request");
            check(!CLASS_NAME.matcher(body).find(), what + ": names a Java class");
            JsonNode problem = JSON.readTree(body);
            if (expect.has("type")) {
                check(problem.path("type").asString().endsWith("/" + expect.path("type").asString()),
                        what + ": expected type " + expect.path("type").asString());
            }
        }
        for (JsonNode fragment : expect.path("contains")) {
            check(body.contains(fragment.asString()), what + ": expected to contain " + fragment.asString());
        }
        JsonNode parsed = body.isBlank() || !body.startsWith("{") && !body.startsWith("[") ? JSON.nullNode()
                : JSON.readTree(body);
        if (expect.has("job")) {
            follow(c, expect.path("job"), parsed);
        }
        healthy(c);
        if (status >= 400) {
            Map<String, Long> after = stored.get();
            check(after.equals(before), c.name() + ": refused, yet what the service stores changed from " + before
                    + " to " + after);
        }
        return parsed;
    }

    /**
     * What the service stores once the work of earlier cases has settled (a finished job deletes its spool file and
     * outbox entries just after it reports its end): the same two readings 200 ms apart.
     */
    private Map<String, Long> settled() {
        List<Map<String, Long>> last = new ArrayList<>(List.of(stored.get()));
        Awaitility.await("the service's stores to settle").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    Map<String, Long> now = stored.get();
                    boolean same = now.equals(last.getLast());
                    last.add(now);
                    return same;
                });
        return last.getLast();
    }

    private void follow(Case c, JsonNode job, JsonNode accepted) {
        String path = job.path("path").asString().replace("{id}", accepted.path("id").asString());
        String terminal = job.path("status").asString();
        JsonNode[] last = {JSON.nullNode()};
        Awaitility.await(c.name() + " reaches " + terminal).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    HttpResponse<String> r = http.send(get(path), HttpResponse.BodyHandlers.ofString());
                    last[0] = JSON.readTree(r.body());
                    String s = last[0].path("status").asString();
                    return s.equals("SUCCEEDED") || s.equals("FAILED");
                });
        String finished = last[0].toString();
        check(last[0].path("status").asString().equals(terminal), c.name() + " ended " + cut(finished));
        for (JsonNode fragment : job.path("contains")) {
            check(finished.contains(fragment.asString()), c.name() + " ended " + cut(finished) + ", expected "
                    + fragment.asString());
        }
    }

    private void healthy(Case c) throws IOException, InterruptedException {
        HttpResponse<String> health = http.send(get("/actuator/health"), HttpResponse.BodyHandlers.ofString());
        check(health.statusCode() == 200 && JSON.readTree(health.body()).path("status").asString().equals("UP"),
                "after " + c.name() + " the service is not healthy: " + cut(health.body()));
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", TestTokens.bearer(Role.ADMIN)).GET().build();
    }

    private HttpRequest request(JsonNode spec) {
        Role role = spec.has("role") ? Role.valueOf(spec.path("role").asString()) : Role.ADMIN;
        var builder = HttpRequest.newBuilder(base.resolve(spec.path("path").asString()))
                .timeout(Duration.ofSeconds(60));
        if (!spec.has("authorization")) {
            builder.header("Authorization", TestTokens.bearer(role));
        } else if (!spec.path("authorization").isNull()) {
            String name = spec.path("authorization").asString();
            check(authorizations.containsKey(name), "no Authorization value named " + name + " was supplied");
            builder.header("Authorization", authorizations.get(name));
        }
        for (JsonNode header : spec.path("headers")) {
            builder.header(header.path("name").asString(), header.has("value") ? header.path("value").asString()
                    : new String(body(header), StandardCharsets.UTF_8));
        }
        byte[] body = body(spec);
        String contentType = spec.path("contentType").asString("application/json");
        if (spec.has("multipart")) {
            body = multipart(spec, contentType);
            contentType = "multipart/form-data; boundary=" + BOUNDARY;
        }
        String method = spec.path("method").asString("GET");
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** The case's body: text, base64 or generated segments, in its charset; null for none. */
    static byte[] body(JsonNode spec) {
        String charsetName = spec.path("charset").asString("UTF-8");
        boolean bom = charsetName.equals("UTF-8-BOM");
        Charset charset = bom ? StandardCharsets.UTF_8 : Charset.forName(charsetName);
        byte[] bytes;
        if (spec.has("bodyBase64")) {
            return Base64.getDecoder().decode(spec.path("bodyBase64").asString());
        } else if (spec.has("generate")) {
            var out = new StringBuilder();
            for (JsonNode segment : spec.path("generate")) {
                out.append(segment.path("text").asString().repeat(segment.path("times").asInt(1)));
            }
            bytes = out.toString().getBytes(charset);
        } else if (spec.has("body")) {
            bytes = spec.path("body").asString().getBytes(charset);
        } else {
            return null;
        }
        if (!bom) {
            return bytes;
        }
        var withMark = new ByteArrayOutputStream();
        withMark.writeBytes(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        withMark.writeBytes(bytes);
        return withMark.toByteArray();
    }

    /**
     * The multipart body: the parts of {@code multipart.parts} ({@code name}, {@code filename} and a body each), or the
     * case's body as the one part {@code multipart.part} named {@code multipart.filename}.
     */
    private static byte[] multipart(JsonNode spec, String contentType) {
        JsonNode multipart = spec.path("multipart");
        var out = new ByteArrayOutputStream();
        if (multipart.has("parts")) {
            for (JsonNode part : multipart.path("parts")) {
                part(out, part.path("name").asString(), part.path("filename").asString("part.csv"),
                        part.path("contentType").asString("text/csv"), body(part));
            }
        } else {
            part(out, multipart.path("part").asString("file"), multipart.path("filename").asString("upload.csv"),
                    contentType, body(spec));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void part(ByteArrayOutputStream out, String name, String filename, String contentType,
                             byte[] content) {
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                + filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content == null ? new byte[0] : content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private static String cut(String s) {
        return s.length() <= 600 ? s : s.substring(0, 600) + "… (" + s.length() + " chars)";
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
