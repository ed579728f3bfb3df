package io.energywatch.fusion.indexing;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import io.energywatch.fusion.config.FusionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Installs the index templates of the enriched and daily indices (explicit mappings, the alias attached to every
 * monthly index). Idempotent (a PUT of the same template), tried once at start-up without blocking it, and checked
 * again before every bulk until it succeeded, so nothing is indexed with a dynamic mapping while Elasticsearch was down.
 */
@Component
public class IndexSchema {

    private static final Logger log = LoggerFactory.getLogger(IndexSchema.class);

    private final Rest5Client client;
    private final FusionProperties.Indices indices;
    private final AtomicBoolean installed = new AtomicBoolean();

    IndexSchema(Rest5Client client, FusionProperties properties) {
        this.client = client;
        this.indices = properties.indices();
    }

    @EventListener(ApplicationReadyEvent.class)
    void installInBackground() {
        Thread.ofVirtual().name("index-schema").start(() -> {
            try {
                ensureInstalled();
            } catch (IOException | RuntimeException e) {
                log.warn("Index templates not installed yet ({}); the sink installs them before its first bulk",
                        e.toString());
            }
        });
    }

    /** Puts both templates unless done already; throws while Elasticsearch does not accept them. */
    public void ensureInstalled() throws IOException {
        if (installed.get()) {
            return;
        }
        put(indices.enriched(), "elasticsearch/enriched-template.json");
        put(indices.daily(), "elasticsearch/daily-template.json");
        installed.set(true);
        log.info("Index templates of {} and {} installed", indices.enriched(), indices.daily());
    }

    private void put(String alias, String resource) throws IOException {
        Request request = new Request("PUT", "/_index_template/" + alias);
        request.setJsonEntity(template(resource, alias, indices.shards(), indices.replicas()));
        client.performRequest(request);
    }

    static String template(String resource, String alias, int shards, int replicas) {
        try (InputStream in = IndexSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${alias}", alias)
                    .replace("${shards}", Integer.toString(shards)).replace("${replicas}", Integer.toString(replicas));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
