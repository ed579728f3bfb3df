package io.energywatch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The third-party licence report of each service (a CycloneDX SBOM the build writes into the service's classes, jar
 * and image): it exists, lists the service's dependencies each with its licences, and Smile's jars, GPL-3.0 only, are
 * the only such components (none in the gateway), as the README's "Licences" section says.
 */
class LicenceReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<String> services() {
        return Deploy.ARTIFACTS;
    }

    @ParameterizedTest
    @MethodSource("services")
    void theSbomListsEveryDependencyWithItsLicenceAndSmileAsTheOnlyGplOne(String artifact) throws IOException {
        Path report = Deploy.root().resolve(artifact).resolve("target/classes/META-INF/sbom/application.cdx.json");
        assertThat(report).as("written by the service's build (generate-resources)").isRegularFile();
        JsonNode sbom = JSON.readTree(report.toFile());

        assertThat(sbom.path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(sbom.at("/metadata/component/name").asText()).isEqualTo(artifact);
        List<JsonNode> components = new ArrayList<>();
        sbom.path("components").forEach(components::add);
        assertThat(components).hasSizeGreaterThan(50);
        assertThat(components).anySatisfy(c -> assertThat(c.path("name").asText()).startsWith("spring-boot"));

        // Smile's jars are the only components offered under the GPL-3.0 alone (what the README says); every service
        // but the gateway has them, through analytics-core.
        List<JsonNode> gplOnly = components.stream().filter(c -> !licences(c).isEmpty()
                && licences(c).stream().allMatch(l -> l.startsWith("GPL-3.0"))).toList();
        if (artifact.equals("gateway")) {
            assertThat(gplOnly).isEmpty();
        } else {
            assertThat(gplOnly).extracting(c -> c.path("group").asText() + ":" + c.path("name").asText())
                    .containsExactlyInAnyOrder("com.github.haifengl:smile-core", "com.github.haifengl:smile-base");
            assertThat(gplOnly).allSatisfy(c -> assertThat(licences(c)).containsExactly("GPL-3.0-only"));
        }

        // Every dependency is reported with a licence (an SPDX id, a name or an expression).
        List<String> unlicensed = components.stream().filter(c -> licences(c).isEmpty())
                .map(c -> c.path("group").asText() + ":" + c.path("name").asText()).toList();
        assertThat(unlicensed).isEmpty();
    }

    private static List<String> licences(JsonNode component) {
        List<String> names = new ArrayList<>();
        for (JsonNode choice : component.path("licenses")) {
            if (choice.has("expression")) {
                names.add(choice.path("expression").asText());
            }
            JsonNode licence = choice.path("license");
            String name = licence.has("id") ? licence.path("id").asText() : licence.path("name").asText();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }
}
