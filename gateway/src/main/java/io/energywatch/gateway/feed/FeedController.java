package io.energywatch.gateway.feed;

import io.energywatch.service.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * {@code GET /api/v1/feed/anomalies}: new anomalies pushed as Server-Sent Events ({@code event: anomaly}, the
 * {@code AnomalyDetected} JSON as data), to any valid token (a viewer's included). Each browser has its own queue and
 * virtual thread, so a slow one never holds up the consumer or the others; one whose queue overflows is disconnected
 * (it reconnects and reads what it missed from the API).
 */
@RestController
class FeedController {

    /** Events waiting for one browser before it counts as too slow. */
    private static final int CLIENT_QUEUE = 2_048;

    private final AnomalyFeed feed;
    private final FeedProperties properties;

    FeedController(AnomalyFeed feed, FeedProperties properties) {
        this.feed = feed;
        this.properties = properties;
    }

    @GetMapping(path = "/api/v1/feed/anomalies", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live anomalies (Server-Sent Events)",
            description = "Every anomaly published from now on, as an 'anomaly' event whose data is the "
                    + "AnomalyDetected JSON, preceded by the last few the gateway has seen. Comment lines every few "
                    + "seconds keep the connection open; the stream ends after a while and the client reconnects. "
                    + "EventSource cannot send the Authorization header: read it with fetch().")
    SseEmitter anomalies() {
        if (!properties.enabled()) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "feed-disabled", "The live feed is off",
                    "energywatch.gateway.feed.enabled is false on this gateway", List.of());
        }
        if (feed.subscribers() >= properties.maxClients()) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "feed-full", "Too many live feed clients",
                    "this gateway already streams to " + properties.maxClients()
                            + " clients (energywatch.gateway.feed.max-clients)", List.of());
        }
        // The emitter outlives the stream limit a little: the client thread completes it first.
        SseEmitter emitter = new SseEmitter(properties.streamLimit().plusMinutes(1).toMillis());
        BlockingQueue<AnomalyFeed.FeedEvent> queue = new LinkedBlockingQueue<>(CLIENT_QUEUE);
        AtomicBoolean overflow = new AtomicBoolean();
        Consumer<AnomalyFeed.FeedEvent> subscriber = event -> {
            if (!queue.offer(event)) {
                overflow.set(true);
            }
        };
        List<AnomalyFeed.FeedEvent> recent = feed.subscribe(subscriber);
        Thread.ofVirtual().name("console-feed-client").start(() -> stream(emitter, queue, recent, subscriber,
                overflow));
        return emitter;
    }

    private void stream(SseEmitter emitter, BlockingQueue<AnomalyFeed.FeedEvent> queue,
                        List<AnomalyFeed.FeedEvent> recent, Consumer<AnomalyFeed.FeedEvent> subscriber,
                        AtomicBoolean overflow) {
        long deadline = System.nanoTime() + properties.streamLimit().toNanos();
        Duration heartbeat = properties.heartbeat();
        try {
            // A first line at once, so the browser knows the stream is open before any anomaly arrives.
            emitter.send(SseEmitter.event().comment("connected").reconnectTime(heartbeat.toMillis()));
            for (AnomalyFeed.FeedEvent event : recent) {
                send(emitter, event);
            }
            while (System.nanoTime() < deadline && !overflow.get()) {
                AnomalyFeed.FeedEvent event = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                if (event == null) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                } else {
                    send(emitter, event);
                }
            }
            emitter.complete();
        } catch (IOException | IllegalStateException gone) {
            // The browser went away (or the emitter timed out): nothing to answer to.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        } finally {
            feed.unsubscribe(subscriber);
        }
    }

    /** The browser closed the stream while an event was on its way: there is no one to answer. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone() {
    }

    private static void send(SseEmitter emitter, AnomalyFeed.FeedEvent event) throws IOException {
        emitter.send(SseEmitter.event().id(event.id()).name("anomaly").data(event.json()));
    }
}
