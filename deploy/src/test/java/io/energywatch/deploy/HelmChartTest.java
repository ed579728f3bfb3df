package io.energywatch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import io.energywatch.deploy.KubernetesDocuments.Checked;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * helm/energywatch rendered and linted by Helm 3 (embedded through helm-java), every rendered document validated as
 * its Kubernetes API type, and what the chart promises checked on the result: a Deployment per service with actuator
 * probes on 8080, HPAs on CPU and consumer lag, PDBs, and network policies that let only the gateway be reached from
 * outside the namespace.
 */
class HelmChartTest {

    private static final Path CHART = Deploy.root().resolve("helm/energywatch");
    private static final Path TEST_VALUES = CHART.resolve("ci/test-values.yaml");
    private static final List<String> SERVICES = List.of("gateway", "ingestion", "fusion", "anomaly", "prediction",
            "drift");

    private static List<Checked> documents;

    @BeforeAll
    static void render() throws IOException {
        documents = KubernetesDocuments.check(template(Map.of()));
    }

    @Test
    void theChartLintsCleanInStrictMode(@TempDir Path copy) throws IOException {
        // helm-java's lint takes no values file: lint a copy whose values.yaml has ci/test-values.yaml merged in (the
        // defaults alone leave the required issuer and MongoDB URI empty, which the templates refuse).
        try (var files = Files.walk(CHART)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(CHART.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        var yaml = new YAMLMapper();
        JsonNode merged = yaml.readerForUpdating(yaml.readTree(CHART.resolve("values.yaml").toFile()))
                .readValue(TEST_VALUES.toFile());
        yaml.writeValue(copy.resolve("values.yaml").toFile(), merged);

        var lint = new Helm(copy).lint().strict().call();
        assertThat(lint.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void everyRenderedDocumentIsAValidObjectOfItsKubernetesKind() {
        assertThat(documents).isNotEmpty();
        assertThat(documents).allSatisfy(d -> assertThat(d.problems()).as(d.name()).isEmpty());
        assertThat(documents.stream().map(d -> d.source().path("kind").asText()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("Deployment", "Service", "ConfigMap", "Secret", "PersistentVolumeClaim",
                        "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy");
    }

    @Test
    void theValidationRejectsAFieldOfTheWrongTypeAndAFieldTheApiDoesNotDefine() throws IOException {
        var wrongType = KubernetesDocuments.check(template(Map.of("services.fusion.autoscaling.enabled", "false",
                "services.fusion.replicas", "two")));
        assertThat(find(wrongType, "Deployment", "ew-energywatch-fusion").problems())
                .singleElement().asString().contains("replicas");
        var unknownField = KubernetesDocuments.check(template(Map.of("services.gateway.resources.requets.cpu", "1")));
        assertThat(find(unknownField, "Deployment", "ew-energywatch-gateway").problems())
                .singleElement().asString().contains("requets");
    }

    @Test
    void eachServiceRunsItsImageAsANonRootUserWithActuatorProbesOnPort8080() {
        for (String service : SERVICES) {
            Deployment deployment = object(Deployment.class, "ew-energywatch-" + service);
            var pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            Container container = pod.getContainers().getFirst();
            String artifact = service.equals("gateway") ? "gateway" : service + "-service";
            assertThat(container.getImage()).isEqualTo("registry.example.org/energywatch/" + artifact + ":0.1.0");
            assertThat(container.getPorts()).singleElement().satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(8080));
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
            assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).containsKey("memory");
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            Map<String, EnvVar> env = container.getEnv().stream()
                    .collect(Collectors.toMap(EnvVar::getName, e -> e));
            assertThat(env.get("ENERGYWATCH_SECURITY_JWT_ISSUER").getValue())
                    .isEqualTo("https://login.example.org/realms/energywatch");
            assertThat(env).containsKeys("SPRING_KAFKA_BOOTSTRAP_SERVERS", "JAVA_TOOL_OPTIONS",
                    "ENERGYWATCH_SECURITY_JWT_JWKSETURI");
            assertThat(env.get("JAVA_TOOL_OPTIONS").getValue()).contains("-XX:MaxRAMPercentage=75");
            if (!service.equals("gateway") && !service.equals("fusion")) {
                assertThat(env.get("SPRING_MONGODB_URI").getValueFrom().getSecretKeyRef().getKey())
                        .isEqualTo("mongodb-uri");
            }
            Service svc = object(Service.class, "ew-energywatch-" + service);
            assertThat(svc.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        }
        Deployment gateway = object(Deployment.class, "ew-energywatch-gateway");
        assertThat(gateway.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv())
                .extracting(EnvVar::getName, EnvVar::getValue)
                .contains(org.assertj.core.groups.Tuple.tuple("FUSION_URL", "http://ew-energywatch-fusion:8080"));
        Deployment fusion = object(Deployment.class, "ew-energywatch-fusion");
        assertThat(fusion.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv())
                .extracting(EnvVar::getName, EnvVar::getValue)
                .contains(org.assertj.core.groups.Tuple.tuple("ENERGYWATCH_FUSION_STREAMS_STANDBYREPLICAS", "1"),
                        org.assertj.core.groups.Tuple.tuple("ENERGYWATCH_FUSION_STREAMS_STATEDIR", "/state"));
    }

    @Test
    void fusionAndAnomalyScaleOnCpuAndConsumerLagWithABudgetForDisruptions() {
        for (var scaled : Map.of("fusion", "energywatch-fusion", "anomaly", "energywatch-anomaly-detector").entrySet()) {
            String name = "ew-energywatch-" + scaled.getKey();
            HorizontalPodAutoscaler hpa = object(HorizontalPodAutoscaler.class, name);
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(name);
            assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(6);
            assertThat(hpa.getSpec().getMetrics()).extracting(m -> m.getType()).containsExactly("Resource", "External");
            assertThat(hpa.getSpec().getMetrics().get(1).getExternal().getMetric().getSelector().getMatchLabels())
                    .containsEntry("consumergroup", scaled.getValue());
            PodDisruptionBudget pdb = object(PodDisruptionBudget.class, name);
            assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
            // A Deployment scaled by its HPA leaves replicas to it.
            assertThat(object(Deployment.class, name).getSpec().getReplicas()).isNull();
        }
    }

    @Test
    void onlyTheGatewayIsReachableFromOutsideTheNamespace() {
        List<NetworkPolicy> policies = documents.stream().map(Checked::object).filter(NetworkPolicy.class::isInstance)
                .map(NetworkPolicy.class::cast).toList();
        NetworkPolicy deny = policies.stream().filter(p -> p.getMetadata().getName().endsWith("default-deny"))
                .findFirst().orElseThrow();
        assertThat(deny.getSpec().getIngress()).isEmpty();
        assertThat(deny.getSpec().getPolicyTypes()).containsExactly("Ingress");

        NetworkPolicy gateway = object(NetworkPolicy.class, "ew-energywatch-gateway");
        assertThat(gateway.getSpec().getIngress()).singleElement().satisfies(rule -> assertThat(rule.getFrom()).isEmpty());
        for (String service : SERVICES.subList(1, SERVICES.size())) {
            NetworkPolicy policy = object(NetworkPolicy.class, "ew-energywatch-" + service);
            assertThat(policy.getSpec().getIngress()).singleElement().satisfies(rule -> {
                assertThat(rule.getFrom()).isNotEmpty();
                // Pods of this namespace, or the metrics namespace; never an IP block or any namespace.
                assertThat(rule.getFrom()).allSatisfy(peer -> {
                    assertThat(peer.getIpBlock()).isNull();
                    assertThat(peer.getPodSelector() != null || peer.getNamespaceSelector().getMatchLabels()
                            .equals(Map.of("kubernetes.io/metadata.name", "monitoring"))).isTrue();
                });
            });
        }
        assertThat(object(Service.class, "ew-energywatch-gateway").getSpec().getType()).isEqualTo("ClusterIP");
    }

    @Test
    void overridesReachEachServiceAsAnApplicationYmlAndTheJwtKeyCanBeAMountedPem() throws IOException {
        var config = object(io.fabric8.kubernetes.api.model.ConfigMap.class, "ew-energywatch-fusion");
        assertThat(config.getData().get("application.yml")).contains("threads: 2").contains("io.energywatch: INFO");
        var gatewayConfig = object(io.fabric8.kubernetes.api.model.ConfigMap.class, "ew-energywatch-gateway");
        assertThat(gatewayConfig.getData().get("application.yml")).doesNotContain("threads");

        var withPem = KubernetesDocuments.check(template(Map.of("jwt.jwkSetUri", "",
                "jwt.publicKeyPem", "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----")));
        assertThat(withPem).allSatisfy(d -> assertThat(d.problems()).as(d.name()).isEmpty());
        var drift = (Deployment) find(withPem, "Deployment", "ew-energywatch-drift").object();
        assertThat(drift.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv())
                .extracting(EnvVar::getName, EnvVar::getValue)
                .contains(org.assertj.core.groups.Tuple.tuple("ENERGYWATCH_SECURITY_JWT_PUBLICKEYLOCATION",
                        "file:/etc/energywatch/jwt/jwt-public.pem"));
        assertThat(find(withPem, "Secret", "ew-energywatch-jwt").object()).isNotNull();
    }

    private static String template(Map<String, String> sets) {
        var template = new Helm(CHART).template().withName("ew").withValuesFile(TEST_VALUES);
        sets.forEach(template::set);
        return template.call();
    }

    private static Checked find(List<Checked> checked, String kind, String name) {
        return checked.stream().filter(d -> d.source().path("kind").asText().equals(kind)
                && d.source().path("metadata").path("name").asText().equals(name)).findFirst().orElseThrow(() ->
                new AssertionError("no " + kind + "/" + name + " rendered"));
    }

    private static <T extends HasMetadata> T object(Class<T> type, String name) {
        return documents.stream().map(Checked::object).filter(Objects::nonNull).filter(type::isInstance)
                .map(type::cast).filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + "/" + name + " rendered"));
    }
}
