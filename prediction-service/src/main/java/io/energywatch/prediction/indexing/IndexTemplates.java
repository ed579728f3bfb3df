package io.energywatch.prediction.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Puts the index templates of prediction's indices from {@code src/main/resources/elasticsearch}. */
final class IndexTemplates {

    private IndexTemplates() {
    }

    /** Puts {@code /elasticsearch/<resource>} as template {@code alias}, with {@code ALIAS} in it replaced. */
    static void put(ElasticsearchClient client, String resource, String alias) throws IOException {
        String json = read(resource, alias);
        client.indices().putIndexTemplate(t -> t.name(alias).withJson(new StringReader(json)));
    }

    /**
     * Puts the template, then its mappings on the indices it already made: fields added to a template later (additive
     * only) become searchable in the months indexed before, not just in the next month's index.
     */
    static void putWithExistingIndices(ElasticsearchClient client, String resource, String alias) throws IOException {
        put(client, resource, alias);
        String mappings = JsonMapper.shared().readTree(read(resource, alias)).path("template").path("mappings")
                .toString();
        client.indices().putMapping(m -> m.index(alias + "-*").allowNoIndices(true)
                .withJson(new StringReader(mappings)));
    }

    private static String read(String resource, String alias) {
        try (InputStream in = IndexTemplates.class.getResourceAsStream("/elasticsearch/" + resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("ALIAS", alias);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
