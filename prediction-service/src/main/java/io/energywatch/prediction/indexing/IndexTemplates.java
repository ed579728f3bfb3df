package io.energywatch.prediction.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

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
        String json;
        try (InputStream in = IndexTemplates.class.getResourceAsStream("/elasticsearch/" + resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("ALIAS", alias);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client.indices().putIndexTemplate(t -> t.name(alias).withJson(new StringReader(json)));
    }
}
