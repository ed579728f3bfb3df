package io.energywatch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The six services' images as Jib writes them (target/jib-image.tar on the real base with -Pimages,
 * target/jib-image-check.tar on the empty base in every build): opened as an OCI image layout, each is checked for what a
 * cluster relies on: the java entrypoint with the classpath file and main class, a non-root user, port 8080, the heap
 * taken from the container's limit, the version and commit labels, and layers whose digests match and that hold the
 * dependencies, resources (with the SBOM) and classes.
 */
class ImageTarballsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> MAIN_CLASSES = Map.of(
            "gateway", "io.energywatch.gateway.GatewayApplication",
            "ingestion-service", "io.energywatch.ingestion.IngestionServiceApplication",
            "fusion-service", "io.energywatch.fusion.FusionServiceApplication",
            "anomaly-service", "io.energywatch.anomaly.AnomalyServiceApplication",
            "prediction-service", "io.energywatch.prediction.PredictionServiceApplication",
            "drift-service", "io.energywatch.drift.DriftServiceApplication");

    static Stream<Path> tarballs() {
        Path root = Deploy.root();
        if (Boolean.getBoolean("energywatch.images.all")) {
            return Deploy.ARTIFACTS.stream().map(a -> root.resolve(a).resolve("target/jib-image.tar"));
        }
        return Deploy.ARTIFACTS.stream().map(a -> root.resolve(a).resolve("target/jib-image-check.tar"));
    }

    @ParameterizedTest
    @MethodSource("tarballs")
    void theImageRunsTheServiceAsANonRootUserOnPort8080WithItsLabelsAndLayers(Path tarball) throws Exception {
        assertThat(tarball).as("built by the service's package phase (./mvnw package; -Pimages for every service)")
                .isRegularFile();
        String artifact = tarball.getParent().getParent().getFileName().toString();
        Map<String, byte[]> entries = read(tarball);

        JsonNode index = JSON.readTree(entries.get("index.json"));
        assertThat(entries).containsKey("oci-layout");
        JsonNode manifest = JSON.readTree(blob(entries, index.path("manifests").get(0).path("digest").asText()));
        assertThat(manifest.path("mediaType").asText()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        JsonNode image = JSON.readTree(blob(entries, manifest.path("config").path("digest").asText()));
        JsonNode config = image.path("config");

        List<String> entrypoint = strings(config.path("Entrypoint"));
        assertThat(entrypoint.getFirst()).isEqualTo("java");
        assertThat(entrypoint).containsSubsequence("-cp", "@/app/jib-classpath-file", MAIN_CLASSES.get(artifact));
        assertThat(entrypoint).contains("--enable-native-access=ALL-UNNAMED");
        assertThat(entrypoint.getLast()).isEqualTo(MAIN_CLASSES.get(artifact));

        assertThat(config.path("User").asText()).isEqualTo("1000:1000");
        assertThat(config.path("WorkingDir").asText()).isEqualTo("/app");
        assertThat(config.path("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(strings(config.path("Env"))).contains("SERVER_PORT=8080")
                .anySatisfy(e -> assertThat(e).startsWith("JAVA_TOOL_OPTIONS=").contains("-XX:MaxRAMPercentage=75"));
        JsonNode labels = config.path("Labels");
        assertThat(labels.path("org.opencontainers.image.title").asText()).isEqualTo(artifact);
        assertThat(labels.path("org.opencontainers.image.version").asText()).isEqualTo(Deploy.version());
        assertThat(labels.path("org.opencontainers.image.revision").asText()).matches("[0-9a-f]{40}");
        // The check image says it is built on the empty base; the real ones name their base.
        assertThat(labels.path("org.opencontainers.image.base.name").asText())
                .isEqualTo(tarball.getFileName().toString().equals("jib-image-check.tar") ? "scratch"
                        : System.getProperty("energywatch.image.base", "eclipse-temurin:25-jre"));

        // Every layer's blob matches its digest; the config lists one diff id per layer.
        JsonNode layers = manifest.path("layers");
        assertThat(image.path("rootfs").path("diff_ids")).hasSize(layers.size());
        Map<String, List<String>> files = new HashMap<>();
        for (JsonNode layer : layers) {
            String digest = layer.path("digest").asText();
            byte[] bytes = blob(entries, digest);
            assertThat("sha256:" + sha256(bytes)).isEqualTo(digest);
            files.put(digest, new ArrayList<>(read(new GZIPInputStream(new ByteArrayInputStream(bytes))).keySet()));
        }
        List<String> comments = strings(image.path("history").findValues("comment"));
        assertThat(comments).contains("dependencies", "resources", "classes", "jvm arg files");
        List<String> all = files.values().stream().flatMap(List::stream).toList();
        assertThat(all).anyMatch(f -> f.matches("app/libs/spring-boot-[0-9].*\\.jar"));
        assertThat(all).contains("app/resources/application.yml", "app/resources/META-INF/sbom/application.cdx.json",
                "app/classes/" + MAIN_CLASSES.get(artifact).replace('.', '/') + ".class", "app/jib-classpath-file");
        // Classes and dependencies sit in different layers, so a code change re-ships only the small one.
        String classesLayer = layerHolding(files, "app/classes/");
        String libsLayer = layerHolding(files, "app/libs/");
        assertThat(classesLayer).isNotEqualTo(libsLayer);
    }

    private static String layerHolding(Map<String, List<String>> files, String prefix) {
        return files.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(f -> f.startsWith(prefix)))
                .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("no layer holds " + prefix));
    }

    private static byte[] blob(Map<String, byte[]> entries, String digest) {
        byte[] blob = entries.get("blobs/" + digest.replace(':', '/'));
        assertThat(blob).as("blob " + digest).isNotNull();
        return blob;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<String> strings(List<JsonNode> nodes) {
        return nodes.stream().map(JsonNode::asText).toList();
    }

    private static Map<String, byte[]> read(Path tarball) throws IOException {
        try (InputStream in = Files.newInputStream(tarball)) {
            return read(in);
        }
    }

    /** The regular files of a ustar archive (what Jib writes), by name without a leading "/" or "./". */
    private static Map<String, byte[]> read(InputStream in) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        byte[] header = new byte[512];
        String longName = null;
        while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
            String name = field(header, 0, 100);
            String prefix = field(header, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
            String octal = field(header, 124, 12).trim();
            long size = octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
            byte type = header[156];
            byte[] content = in.readNBytes((int) size);
            in.skipNBytes((512 - size % 512) % 512);
            switch (type) {
                // Names longer than the header holds: a PAX record or a GNU long-name entry before the file.
                case 'x' -> longName = paxPath(content);
                case 'L' -> longName = new String(content, StandardCharsets.UTF_8).replace("\0", "");
                case '0', 0 -> {
                    String path = longName != null ? longName : name;
                    entries.put(path.replaceFirst("^\\./", "").replaceFirst("^/", ""), content);
                    longName = null;
                }
                default -> longName = null;
            }
        }
        return entries;
    }

    private static String paxPath(byte[] records) {
        for (String record : new String(records, StandardCharsets.UTF_8).split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 1 + "path=".length());
            }
        }
        return null;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
