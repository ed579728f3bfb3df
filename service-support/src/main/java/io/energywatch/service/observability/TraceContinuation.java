package io.energywatch.service.observability;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * Continues the trace a consumed record carries in its headers ({@code traceparent}, W3C) around some work, for the
 * places spring-kafka's listener observation does not reach: batch listeners, whose records each belong to their own
 * trace. Records sent through an observed template inside {@code work} carry the same trace id on.
 */
public final class TraceContinuation {

    /** The W3C Trace Context headers. */
    public static final List<String> W3C_HEADERS = List.of("traceparent", "tracestate");

    private final ObservationRegistry registry;

    public TraceContinuation(ObservationRegistry registry) {
        this.registry = registry;
    }

    /** Runs {@code work} in an observation (a consumer span) whose parent is the trace context in {@code headers}. */
    public <T> T continueFrom(Headers headers, String name, Supplier<T> work) {
        ReceiverContext<Headers> context = new ReceiverContext<>(TraceContinuation::header, Kind.CONSUMER);
        context.setCarrier(headers);
        return Observation.createNotStarted(name, () -> context, registry).observe(work);
    }

    /**
     * A new header set holding only the W3C trace context of {@code from} ({@code traceparent}, {@code tracestate}):
     * what a record built from another (a Kafka Streams processor's output) needs to stay in the input's trace.
     */
    public static Headers traceHeaders(Headers from) {
        RecordHeaders to = new RecordHeaders();
        for (String name : W3C_HEADERS) {
            Header h = from.lastHeader(name);
            if (h != null) {
                to.add(name, h.value());
            }
        }
        return to;
    }

    private static String header(Headers headers, String key) {
        Header h = headers.lastHeader(key);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
