package io.energywatch.local;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot be bypassed (issue 14): only the gateway and Kibana publish ports, MongoDB runs with
 * authentication as a replica set, Elasticsearch with security on, the services and Kibana authenticate, and every
 * secret comes from .env, documented in .env.example. No Docker engine is needed: the file is read as YAML (SnakeYAML,
 * which Kafka already brings to this module), with its anchors and merge keys resolved as compose resolves them.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..");
    private static final Set<String> PUBLISHED = Set.of("gateway", "kibana");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)}");
    private static final Pattern JAR_MOUNT =
            Pattern.compile("^\\./([a-z0-9-]+)/target/([a-z0-9-]+)\\.jar:/app/app\\.jar:ro$");
    private static final String JWT_PREFIX = "ENERGYWATCH_SECURITY_JWT_";

    private static String composeText;
    private static Map<String, Map<String, Object>> services;
    private static Map<String, String> envExample;
    private static Set<String> documented;

    @BeforeAll
    static void readFiles() throws IOException {
        composeText = Files.readString(ROOT.resolve("docker-compose.yml"));
        Map<String, Object> compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(composeText);
        services = new LinkedHashMap<>();
        map(compose.get("services")).forEach((name, definition) -> services.put(name, map(definition)));
        envExample = new LinkedHashMap<>();
        documented = new TreeSet<>();
        for (String line : Files.readAllLines(ROOT.resolve(".env.example"))) {
            Matcher setting = Pattern.compile("^(#?)([A-Z][A-Z0-9_]*)=(.*)$").matcher(line.strip());
            if (setting.matches()) {
                documented.add(setting.group(2));
                if (setting.group(1).isEmpty()) {
                    envExample.put(setting.group(2), setting.group(3));
                }
            }
        }
    }

    @Test
    void onlyTheGatewayAndKibanaPublishPortsAndNoServiceSharesTheHostNetwork() {
        var publishing = services.entrySet().stream().filter(s -> s.getValue().containsKey("ports"))
                .map(Map.Entry::getKey).toList();

        assertThat(publishing).containsExactlyInAnyOrderElementsOf(PUBLISHED);
        assertThat(list(services.get("gateway").get("ports"))).containsExactly("8080:8080");
        assertThat(list(services.get("kibana").get("ports"))).containsExactly("5601:5601");
        services.forEach((name, service) -> assertThat(service.get("network_mode")).as(name).isNull());
    }

    @Test
    void kafkaListensOnTheComposeNetworkOnly() {
        var kafka = env("kafka");

        assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS")).isEqualTo("INTERNAL://kafka:19092");
        assertThat(kafka.get("KAFKA_LISTENERS")).doesNotContain("EXTERNAL").doesNotContain("localhost");
        assertThat(composeText).doesNotContain("localhost:9092");
        for (var service : applications().keySet()) {
            assertThat(env(service).get("SPRING_KAFKA_BOOTSTRAP_SERVERS")).as(service).isEqualTo("kafka:19092");
        }
    }

    @Test
    void mongodbRunsWithAuthenticationAsTheReplicaSetTheServicesConnectTo() {
        var mongodb = services.get("mongodb");
        List<String> command = list(mongodb.get("command"));
        String replicaSet = command.get(command.indexOf("--replSet") + 1);

        assertThat(command).contains("--auth", "--keyFile");
        assertThat(env("mongodb")).containsKeys("MONGO_INITDB_ROOT_USERNAME", "MONGO_INITDB_ROOT_PASSWORD");
        assertThat(env("mongodb-init").get("INIT_SCRIPT")).contains("rs.initiate({_id: '" + replicaSet + "'");
        for (var service : mongoClients()) {
            var serviceEnv = env(service);
            for (String variable : List.of("MONGODB_URI", "SPRING_MONGODB_URI")) {
                URI uri = URI.create(INTERPOLATION.matcher(serviceEnv.get(variable)).replaceAll("$1"));
                assertThat(uri.getUserInfo()).as(service + " " + variable)
                        .isEqualTo("MONGO_APP_USERNAME:MONGO_APP_PASSWORD");
                assertThat(uri.getHost()).isEqualTo("mongodb");
                assertThat(uri.getQuery()).as(service + " " + variable)
                        .contains("replicaSet=" + replicaSet).contains("authSource=admin");
            }
            assertThat(dependsOn(service)).as(service).containsEntry("mongodb-init", "service_completed_successfully");
        }
    }

    @Test
    void elasticsearchRunsWithSecurityOnAndTheServicesAndKibanaAuthenticate() {
        var elasticsearch = env("elasticsearch");

        assertThat(elasticsearch).containsEntry("xpack.security.enabled", "true")
                .containsEntry("discovery.type", "single-node").containsKey("ELASTIC_PASSWORD");
        assertThat(env("kibana")).containsEntry("ELASTICSEARCH_USERNAME", "kibana_system")
                .containsKeys("ELASTICSEARCH_PASSWORD", "XPACK_ENCRYPTEDSAVEDOBJECTS_ENCRYPTIONKEY");
        String setup = ComposeFileTest.<String>list(services.get("elasticsearch-setup").get("command")).getFirst();
        assertThat(setup).contains("/_security/user/kibana_system/_password", "/_security/user/energywatch");
        for (var service : backendServices()) {
            assertThat(env(service)).as(service).containsEntry("SPRING_ELASTICSEARCH_USERNAME", "energywatch")
                    .containsKey("SPRING_ELASTICSEARCH_PASSWORD");
            assertThat(dependsOn(service)).as(service)
                    .containsEntry("elasticsearch-setup", "service_completed_successfully");
        }
    }

    @Test
    void theGatewayAndEveryServiceValidateBearerTokensWithOnlyThePublicKeyMounted() {
        assertThat(composeText).doesNotContain("ENERGYWATCH_GATEWAY_USERS");
        for (var service : applications().keySet()) {
            var serviceEnv = env(service);
            assertThat(serviceEnv).as(service).containsKeys(JWT_PREFIX + "ISSUER", JWT_PREFIX + "AUDIENCE",
                    JWT_PREFIX + "PUBLICKEYLOCATION", JWT_PREFIX + "JWKSETURI", JWT_PREFIX + "ISSUERURI");
            // Key sources pass through from .env only when set there, so a deployment uses exactly the one it chose.
            assertThat(serviceEnv.get(JWT_PREFIX + "JWKSETURI")).isNull();
            var keyMounts = volumes(service).stream().filter(v -> v instanceof Map<?, ?>).map(ComposeFileTest::map)
                    .filter(v -> String.valueOf(v.get("source")).contains(".energywatch")).toList();
            assertThat(keyMounts).as(service).singleElement().satisfies(mount -> {
                assertThat(mount).containsEntry("source", "./.energywatch/keys/jwt-public.pem")
                        .containsEntry("read_only", true);
                assertThat(map(mount.get("bind"))).containsEntry("create_host_path", false);
                assertThat("file:" + mount.get("target"))
                        .isEqualTo(envExample.get(JWT_PREFIX + "PUBLICKEYLOCATION"));
            });
        }
    }

    @Test
    void theExampleExpectsTheIssuerAndAudienceOfTheTokensEnergywatchTokenMints() {
        PlatformConfig platform = PlatformConfig.load(ROOT.resolve(PlatformConfig.LOCATION));

        assertThat(envExample).containsEntry(JWT_PREFIX + "ISSUER", platform.tokenIssuer())
                .containsEntry(JWT_PREFIX + "AUDIENCE", platform.tokenAudience());
    }

    @Test
    void kibanaSetupImportsTheCommittedSavedObjectsAsElasticOnceKibanaIsHealthy() {
        var setup = services.get("kibana-setup");
        String script = ComposeFileTest.<String>list(setup.get("command")).getFirst();

        assertThat(services.get("kibana")).containsKey("healthcheck");
        assertThat(dependsOn("kibana-setup")).containsExactly(Map.entry("kibana", "service_healthy"));
        assertThat(setup.get("restart")).isEqualTo("no");
        assertThat(setup.get("image")).isEqualTo(services.get("kibana").get("image"));
        assertThat(volumes("kibana-setup")).containsExactly("./kibana/energywatch.ndjson:/kibana/energywatch.ndjson:ro");
        assertThat(ROOT.resolve("kibana/energywatch.ndjson")).isRegularFile();
        assertThat(env("kibana-setup")).containsEntry("KIBANA_USERNAME", "elastic")
                .hasEntrySatisfying("KIBANA_PASSWORD", password -> assertThat(password).startsWith("${ELASTIC_PASSWORD:?"));
        assertThat(script).contains("http://kibana:5601/api/saved_objects/_import?overwrite=true",
                "-H 'kbn-xsrf: true'", "--form file=@/kibana/energywatch.ndjson", "exit 1");
    }

    @Test
    void everySecretComesFromDotEnvFailsClearlyWhenMissingAndIsDocumentedInTheExample() {
        Set<String> interpolated = new LinkedHashSet<>();
        Matcher matcher = INTERPOLATION.matcher(composeText.replace("$$", ""));
        while (matcher.find()) {
            interpolated.add(matcher.group(1));
            assertThat(matcher.group(2)).as("${%s...} must stop compose with a message when unset", matcher.group(1))
                    .startsWith(":?set " + matcher.group(1));
        }
        Set<String> passedThrough = new TreeSet<>();
        services.keySet().forEach(service -> env(service).forEach((name, value) -> {
            if (value == null) {
                passedThrough.add(name);
            }
        }));

        assertThat(interpolated).contains("MONGO_ROOT_PASSWORD", "MONGO_APP_PASSWORD", "ELASTIC_PASSWORD",
                "KIBANA_SYSTEM_PASSWORD", "ES_SERVICES_PASSWORD", "KIBANA_ENCRYPTION_KEY");
        assertThat(documented).containsAll(interpolated).containsAll(passedThrough);
        // The example ships no password: a copied .env without its own values stops compose instead of starting it
        // with passwords anyone can read here.
        envExample.forEach((name, value) -> {
            if (name.endsWith("_PASSWORD") || name.endsWith("_KEY")) {
                assertThat(value).as(name).isEmpty();
            }
        });
        assertThat(readLines(ROOT.resolve(".gitignore"))).contains(".env");
    }

    @Test
    void everyMountedJarIsABootApplicationModuleAndEveryApplicationRuns() throws IOException {
        String reactor = Files.readString(ROOT.resolve("pom.xml"));
        Set<String> mounted = new TreeSet<>();
        applications().forEach((service, module) -> {
            mounted.add(module);
            assertThat(reactor).as(service).contains("<module>" + module + "</module>");
            assertThat(ROOT.resolve(module).resolve("src/main/resources/application.yml")).as(service).exists();
            assertThat(readLines(ROOT.resolve(module).resolve("pom.xml")))
                    .anyMatch(line -> line.strip().equals("<artifactId>" + module + "</artifactId>"));
        });
        Set<String> bootModules = new TreeSet<>();
        try (var modules = Files.list(ROOT)) {
            modules.filter(dir -> Files.exists(dir.resolve("src/main/resources/application.yml")))
                    .forEach(dir -> bootModules.add(dir.getFileName().toString()));
        }

        assertThat(mounted).isEqualTo(bootModules);
    }

    /** Compose services that run one of the repository's jars, by the module that builds it. */
    private static Map<String, String> applications() {
        var applications = new LinkedHashMap<String, String>();
        services.forEach((name, service) -> {
            for (Object volume : volumes(name)) {
                Matcher jar = JAR_MOUNT.matcher(String.valueOf(volume));
                if (jar.matches()) {
                    assertThat(jar.group(2)).as(name).isEqualTo(jar.group(1));
                    applications.put(name, jar.group(1));
                }
            }
        });
        assertThat(applications).containsKey("gateway").hasSizeGreaterThan(1);
        return applications;
    }

    /** The services behind the gateway. */
    private static List<String> backendServices() {
        return applications().keySet().stream().filter(s -> !s.equals("gateway")).toList();
    }

    private static List<String> mongoClients() {
        return applications().keySet().stream().filter(s -> env(s).containsKey("MONGODB_URI")).toList();
    }

    private static Map<String, String> env(String service) {
        assertThat(services).containsKey(service);
        var environment = new LinkedHashMap<String, String>();
        map(services.get(service).getOrDefault("environment", Map.of()))
                .forEach((name, value) -> environment.put(name, value == null ? null : String.valueOf(value)));
        return environment;
    }

    private static Map<String, String> dependsOn(String service) {
        var conditions = new LinkedHashMap<String, String>();
        map(services.get(service).get("depends_on"))
                .forEach((name, value) -> conditions.put(name, String.valueOf(map(value).get("condition"))));
        return conditions;
    }

    private static List<Object> volumes(String service) {
        return new ArrayList<>(list(services.get(service).getOrDefault("volumes", List.of())));
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip).toList();
        } catch (IOException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<T>) value;
    }
}
