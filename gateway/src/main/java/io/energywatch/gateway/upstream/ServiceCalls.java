package io.energywatch.gateway.upstream;

import io.energywatch.gateway.config.GatewayProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The gateway's own reads from the services (for kpi and system), each with the caller's {@code Authorization} so the
 * service applies its own access rules, and a timeout: a service that is down or slow gives a failed {@link Answer}
 * naming it, never an exception or a hang.
 */
@Component
public class ServiceCalls implements AutoCloseable {

    /**
     * What one call gave: the parsed JSON body of a 2xx answer, or why there is none.
     *
     * @param status  the HTTP status, 0 when there was no answer
     * @param failure null when the call succeeded
     */
    public record Answer(String service, String path, int status, @Nullable JsonNode body, @Nullable String failure,
                         long millis) {

        public boolean ok() {
            return failure == null;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GatewayProperties gateway;
    private final HttpClient http;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore inFlight;

    public ServiceCalls(GatewayProperties gateway) {
        this.gateway = gateway;
        this.http = HttpClient.newBuilder().connectTimeout(gateway.calls().serviceTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
        this.inFlight = new Semaphore(gateway.calls().parallelism());
    }

    public List<String> services() {
        return List.copyOf(gateway.services().keySet());
    }

    /** GET {@code pathAndQuery} of {@code service}, with the caller's authorization when there is one. */
    public Answer get(String service, String pathAndQuery, @Nullable String authorization) {
        URI base = gateway.services().get(service);
        if (base == null) {
            throw new IllegalArgumentException("no URL for " + service + " in energywatch.gateway.services");
        }
        long start = System.nanoTime();
        var request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + pathAndQuery))
                .timeout(gateway.calls().serviceTimeout()).header(HttpHeaders.ACCEPT, "application/json").GET();
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        try {
            inFlight.acquire();
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                long millis = (System.nanoTime() - start) / 1_000_000;
                JsonNode body = parse(response.body());
                if (response.statusCode() / 100 != 2) {
                    String detail = body != null && body.hasNonNull("detail") ? body.get("detail").asString()
                            : "HTTP " + response.statusCode();
                    return new Answer(service, pathAndQuery, response.statusCode(), body,
                            service + " answered " + response.statusCode() + ": " + detail, millis);
                }
                if (body == null) {
                    return new Answer(service, pathAndQuery, response.statusCode(), null,
                            service + " answered something that is not JSON", millis);
                }
                return new Answer(service, pathAndQuery, response.statusCode(), body, null, millis);
            } finally {
                inFlight.release();
            }
        } catch (HttpTimeoutException e) {
            return failed(service, pathAndQuery, start, service + " did not answer within "
                    + gateway.calls().serviceTimeout().toMillis() + " ms");
        } catch (ConnectException e) {
            return failed(service, pathAndQuery, start, service + " is not reachable");
        } catch (IOException e) {
            return failed(service, pathAndQuery, start, service + " could not be read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(service, pathAndQuery, start, "interrupted");
        }
    }

    /** Runs the calls at once (within the configured parallelism) and gives their results in order. */
    public <T> List<T> all(List<Callable<T>> calls) {
        List<Future<T>> futures = calls.stream().map(threads::submit).toList();
        List<T> results = new ArrayList<>(futures.size());
        for (Future<T> future : futures) {
            try {
                results.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the services", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return results;
    }

    private static Answer failed(String service, String path, long start, String why) {
        return new Answer(service, path, 0, null, why, (System.nanoTime() - start) / 1_000_000);
    }

    private static @Nullable JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    @Override
    public void close() {
        threads.close();
        http.close();
    }
}
