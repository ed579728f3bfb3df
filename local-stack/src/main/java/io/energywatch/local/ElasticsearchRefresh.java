package io.energywatch.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** {@code POST /{alias}/_refresh}: what was indexed becomes searchable now, not at the next periodic refresh. */
final class ElasticsearchRefresh implements IndexRefresh {

    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(1);

    private final HttpClient http;
    private final URI base;

    ElasticsearchRefresh(HttpClient http, URI base) {
        this.http = http;
        this.base = base;
    }

    @Override
    public void refresh(List<String> aliases) {
        for (String alias : aliases) {
            // An alias nothing was indexed into yet has no index: that is an empty result, not an error.
            URI url = base.resolve("/" + alias + "/_refresh?ignore_unavailable=true&allow_no_indices=true");
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new StackException("POST " + url + " answered " + response.statusCode() + ": "
                            + response.body());
                }
            } catch (IOException e) {
                throw new StackException("POST " + url + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while refreshing " + alias, e);
            }
        }
    }
}
