package io.energywatch.contracts;

import io.energywatch.contracts.schema.ContractDocs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON schemas in docs/events and docs/asyncapi.yaml must be what the records generate. Run with
 * {@code -Denergywatch.updateContractDocs=true} to rewrite them after a deliberate contract change.
 */
class ContractDocsTest {

    private static final Path DOCS = Path.of(System.getProperty("energywatch.docs", "../docs"));

    @Test
    void schemaFilesAndAsyncApiMatchTheRecords() throws IOException {
        Map<String, String> expected = ContractDocs.render();
        if (Boolean.getBoolean("energywatch.updateContractDocs")) {
            ContractDocs.write(DOCS);
        }
        for (var e : expected.entrySet()) {
            Path file = DOCS.resolve(e.getKey());
            assertThat(file).as("%s is missing: regenerate with -Denergywatch.updateContractDocs=true", file).exists();
            assertThat(Files.readString(file, StandardCharsets.UTF_8))
                    .as("%s disagrees with the records: regenerate with -Denergywatch.updateContractDocs=true", file)
                    .isEqualTo(e.getValue());
        }
        try (var files = Files.list(DOCS.resolve("events"))) {
            assertThat(files.map(p -> "events/" + p.getFileName()).toList())
                    .as("schema files without a record").allMatch(expected::containsKey);
        }
    }

    @Test
    void schemasMarkNullableFieldsOptionalAndDescribeFormats() {
        String schema = ContractDocs.render().get("events/ConsumptionMeasured.schema.json");
        assertThat(schema).contains("\"intervalStart\" : {\n      \"type\" : \"string\",\n      \"format\" : \"date-time\"");
        assertThat(schema).contains("\"powerMw\" : {\n      \"type\" : [ \"number\", \"null\" ]");
        assertThat(schema).contains("\"enum\" : [ \"MW\", \"kW\", \"MWh\", \"kWh\", \"GWh\" ]");
    }
}
