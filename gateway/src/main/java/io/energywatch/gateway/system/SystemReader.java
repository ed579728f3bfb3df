package io.energywatch.gateway.system;

import io.energywatch.gateway.upstream.ServiceCalls;
import io.energywatch.gateway.upstream.ServiceCalls.Answer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * Builds {@link SystemStatus}: every service's {@code /actuator/health} (whose components include each store it uses,
 * as service-support's store checks report them) and its OpenAPI document's version, all at once with the calls'
 * timeout, and Kafka through {@link KafkaStatusReader} meanwhile.
 */
@Component
class SystemReader {

    static final String GATEWAY = "gateway";
    private static final List<String> STATUS_ORDER = List.of("UP", "UNKNOWN", "OUT_OF_SERVICE", "DOWN");
    /** Boot's health component names for the stores, where the component does not name its store itself. */
    private static final Map<String, String> STORE_COMPONENTS = Map.of("mongo", "mongodb", "mongodb", "mongodb",
            "elasticsearch", "elasticsearch", "kafka", "kafka");

    private final ServiceCalls calls;
    private final KafkaStatusReader kafka;
    private final Clock clock;
    private final String version = buildVersion();

    SystemReader(ServiceCalls calls, KafkaStatusReader kafka, Clock clock) {
        this.calls = calls;
        this.kafka = kafka;
        this.clock = clock;
    }

    SystemStatus read() {
        List<String> services = calls.services();
        List<Callable<Object>> work = new ArrayList<>();
        for (String service : services) {
            work.add(() -> calls.get(service, "/actuator/health", null));
            work.add(() -> calls.get(service, "/v3/api-docs", null));
        }
        work.add(kafka::read);
        List<Object> results = calls.all(work);

        List<SystemStatus.ServiceStatus> serviceStatuses = new ArrayList<>();
        serviceStatuses.add(new SystemStatus.ServiceStatus(GATEWAY, "UP", version, 0, null));
        Map<String, List<SystemStatus.StoreReport>> stores = new TreeMap<>();
        for (int i = 0; i < services.size(); i++) {
            Answer health = (Answer) results.get(2 * i);
            Answer document = (Answer) results.get(2 * i + 1);
            String version = document.ok() ? text(document.body().at("/info/version")) : null;
            // A DOWN service answers its health with 503 and the same JSON: read the body whatever the status.
            JsonNode body = health.body();
            String status = body != null && body.hasNonNull("status") ? body.get("status").asString() : "DOWN";
            String detail = "UP".equals(status) ? null : health.ok() ? status : health.failure();
            serviceStatuses.add(new SystemStatus.ServiceStatus(services.get(i), status, version, health.millis(),
                    detail));
            if (body != null) {
                collectStores(services.get(i), body.path("components"), stores);
            }
        }
        List<SystemStatus.StoreStatus> storeStatuses = stores.entrySet().stream().map(e ->
                new SystemStatus.StoreStatus(e.getKey(), worst(e.getValue().stream()
                        .map(SystemStatus.StoreReport::status).toList()), e.getValue())).toList();
        SystemStatus.KafkaStatus kafkaStatus = (SystemStatus.KafkaStatus) results.getLast();

        long servicesUp = serviceStatuses.stream().filter(s -> !s.name().equals(GATEWAY))
                .filter(s -> s.status().equals("UP")).count();
        boolean allUp = servicesUp == services.size() && kafkaStatus.status().equals("UP")
                && storeStatuses.stream().allMatch(s -> s.status().equals("UP"));
        String overall = allUp ? "UP" : servicesUp == 0 ? "DOWN" : "DEGRADED";
        return new SystemStatus(clock.instant(), overall, serviceStatuses, storeStatuses, kafkaStatus);
    }

    /** The health components that are stores: named by their {@code store} detail, or by Boot's component name. */
    private static void collectStores(String service, JsonNode components,
                                      Map<String, List<SystemStatus.StoreReport>> stores) {
        components.properties().forEach(e -> {
            JsonNode component = e.getValue();
            String store = text(component.at("/details/store"));
            if (store == null) {
                store = STORE_COMPONENTS.get(e.getKey());
            }
            if (store != null) {
                stores.computeIfAbsent(store, s -> new ArrayList<>()).add(new SystemStatus.StoreReport(service,
                        component.path("status").asString("UNKNOWN"), text(component.at("/details/error"))));
            } else if (component.has("components")) {
                collectStores(service, component.path("components"), stores);
            }
        });
    }

    private static String worst(List<String> statuses) {
        return statuses.stream().max((a, b) -> Integer.compare(rank(a), rank(b))).orElse("UNKNOWN");
    }

    private static int rank(String status) {
        int i = STATUS_ORDER.indexOf(status);
        return i < 0 ? 1 : i;
    }

    private static @Nullable String text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }

    /** The build's version, as service-support writes it for every module's OpenAPI document. */
    private static String buildVersion() {
        try (InputStream in = SystemReader.class.getResourceAsStream("/energywatch-build.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
