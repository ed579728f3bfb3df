package io.energywatch.local;

import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;

/** The anomaly service's alerting API as the demo calls it: alert rules and notifications. */
final class AlertApi {

    static final String MODULE = "anomaly-service";
    static final String RULES = "/api/v1/alert-rules";
    static final String NOTIFICATIONS = "/api/v1/notifications";

    private final DemoContext context;

    AlertApi(DemoContext context) {
        this.context = context;
    }

    JsonNode get(String path) {
        return DemoHttp.call(context, request(path).GET(), 200);
    }

    JsonNode post(String path, String json) {
        return DemoHttp.call(context, request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), 201);
    }

    void delete(String path) {
        DemoHttp.call(context, request(path).DELETE(), 204);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(context.serviceUrl(MODULE).resolve(path));
    }
}
