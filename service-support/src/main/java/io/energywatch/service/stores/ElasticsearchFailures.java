package io.energywatch.service.stores;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Elasticsearch client exceptions: a connection that failed or timed out inside the client, a transport failure, or
 * the cluster answering that it cannot serve now (429, 502-504); loaded only when the client is present.
 */
final class ElasticsearchFailures {

    private static final Set<Integer> NOT_NOW = Set.of(429, 502, 503, 504);

    private ElasticsearchFailures() {
    }

    static Optional<StoreFailure> unavailable(Throwable t) {
        boolean unavailable = switch (t) {
            case ElasticsearchException e -> NOT_NOW.contains(e.status());
            case TransportException e -> e.statusCode() < 0 || NOT_NOW.contains(e.statusCode());
            case ConnectException e -> thrownByClient(e);
            case SocketTimeoutException e -> thrownByClient(e);
            case NoRouteToHostException e -> thrownByClient(e);
            case UnknownHostException e -> thrownByClient(e);
            default -> t instanceof IOException && thrownByClient(t)
                    && StoreFailures.isA(t, "org.apache.hc.core5.http.ConnectionClosedException");
        };
        return unavailable ? Optional.of(StoreFailure.unavailable(Store.ELASTICSEARCH, StoreFailures.describe(t)))
                : Optional.empty();
    }

    /** A network exception is Elasticsearch's only when the Elasticsearch client raised it (not MLflow's HTTP, say). */
    private static boolean thrownByClient(Throwable t) {
        return Arrays.stream(t.getStackTrace()).anyMatch(frame -> frame.getClassName().startsWith("co.elastic.clients."));
    }
}
