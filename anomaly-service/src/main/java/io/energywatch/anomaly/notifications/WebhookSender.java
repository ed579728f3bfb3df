package io.energywatch.anomaly.notifications;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Posts a notification's JSON to its webhook, signed; any 2xx answer is a delivery. */
class WebhookSender implements ChannelSender {

    private final HttpClient http;
    private final Duration requestTimeout;
    private final Map<String, String> secrets;
    private final Clock clock;

    WebhookSender(Duration connectTimeout, Duration requestTimeout, Map<String, String> secrets, Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.requestTimeout = requestTimeout;
        this.secrets = Map.copyOf(secrets);
        this.clock = clock;
    }

    @Override
    public void send(Notification n) throws DeliveryException {
        String secret = n.secretRef() == null ? null : secrets.get(n.secretRef());
        if (secret == null) {
            // Configuration may gain the secret before the last attempt; until then nothing unsigned goes out.
            throw new DeliveryException("no webhook secret is configured under reference '" + n.secretRef() + "'");
        }
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(n.target())).timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "EnergyWatch-Alerting")
                    .header("X-EnergyWatch-Notification", n.id())
                    .header(WebhookSignature.TIMESTAMP_HEADER, timestamp)
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, n.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(n.payload()));
            if (n.traceparent() != null) {
                builder.header(AlertListener.TRACEPARENT, n.traceparent());
            }
            request = builder.build();
        } catch (IllegalArgumentException e) {
            throw new DeliveryException("invalid webhook URL " + n.target() + ": " + e.getMessage(), e);
        }
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                String body = response.body() == null ? "" : response.body();
                throw new DeliveryException("HTTP " + response.statusCode() + " from " + n.target()
                        + (body.isBlank() ? "" : ": " + body.substring(0, Math.min(200, body.length()))));
            }
        } catch (IOException e) {
            throw new DeliveryException(e.getClass().getSimpleName() + " posting to " + n.target()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while posting to " + n.target(), e);
        }
    }
}
