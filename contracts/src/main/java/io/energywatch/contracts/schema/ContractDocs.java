package io.energywatch.contracts.schema;

import io.energywatch.contracts.Topic;
import io.energywatch.contracts.Topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The generated contract documents: {@code docs/events/*.schema.json} and {@code docs/asyncapi.yaml}. Run
 * {@code ./mvnw -pl contracts test -Dtest=ContractDocsTest -Denergywatch.updateContractDocs=true} after changing a
 * record to rewrite them; the same test fails while they disagree.
 */
public final class ContractDocs {

    private ContractDocs() {
    }

    /** Relative path under docs/ to file content. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> render() {
        Map<String, String> files = new LinkedHashMap<>();
        for (Topic<?> t : Topics.ALL) {
            files.put("events/" + t.valueType().getSimpleName() + ".schema.json",
                    JsonSchemas.schemaOf((Class<? extends Record>) (Class<?>) t.valueType()));
        }
        files.put("asyncapi.yaml", AsyncApiDocument.render());
        return files;
    }

    public static void write(Path docs) {
        render().forEach((name, content) -> {
            try {
                Path target = docs.resolve(name);
                Files.createDirectories(target.getParent());
                Files.writeString(target, content, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static void main(String[] args) {
        write(Path.of(args.length > 0 ? args[0] : "docs"));
    }
}
