package io.energywatch.local;

import io.energywatch.service.security.Role;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's API access step: the platform is reached through the gateway with tokens, and only so. Checks what a
 * caller meets (no token, a service's own port, a viewer writing, an admin reaching the actuator) against what the
 * route table says, prints each answer, and the curl line that calls the API.
 */
final class ApiAccessStep implements DemoStep {

    private static final String GATEWAY = "gateway";
    private static final String SERVICE = "anomaly-service";

    /** One call and the status it must get. */
    record Probe(String what, String method, URI url, Role role, int expected) {
    }

    private final DemoContext context;
    private final HttpClient anonymous;

    ApiAccessStep(DemoContext context) {
        this.context = context;
        this.anonymous = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    @Override
    public String name() {
        return "api access";
    }

    @Override
    public List<StepResult> run() {
        for (String module : List.of(GATEWAY, SERVICE)) {
            var why = context.services().unavailable(module);
            if (why.isPresent()) {
                return List.of(new StepResult(name(), StepResult.Outcome.SKIPPED, module, why.get()));
            }
        }
        URI gateway = PlatformService.named(GATEWAY).url(context.platform());
        URI direct = PlatformService.named(SERVICE).url(context.platform());
        List<Probe> probes = List.of(
                new Probe("no token", "GET", gateway.resolve("/api/v1/anomalies?size=1"), null, 401),
                new Probe("viewer reads", "GET", gateway.resolve("/api/v1/anomalies?size=1"), Role.VIEWER, 200),
                new Probe("viewer writes a rule", "POST", gateway.resolve("/api/v1/alert-rules"), Role.VIEWER, 403),
                new Probe("operator trains", "POST", gateway.resolve("/api/v1/anomalies/models"), Role.OPERATOR, 403),
                new Probe("service port, no token", "GET", direct.resolve("/api/v1/anomalies?size=1"), null, 401),
                new Probe("admin, actuator env", "GET", gateway.resolve("/actuator/env"), Role.ADMIN, 404));
        List<List<String>> rows = new ArrayList<>();
        int wrong = 0;
        for (Probe probe : probes) {
            String got;
            try {
                got = Integer.toString(send(probe));
            } catch (IOException e) {
                got = "no answer (" + e.getMessage() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of(new StepResult(name(), StepResult.Outcome.FAILED, GATEWAY, "interrupted"));
            }
            boolean ok = got.equals(Integer.toString(probe.expected()));
            wrong += ok ? 0 : 1;
            rows.add(List.of(probe.what(), probe.method() + " " + probe.url().getRawPath(),
                    probe.role() == null ? "-" : probe.role().claimValue(), Integer.toString(probe.expected()), got,
                    ok ? "ok" : "WRONG"));
        }
        context.out().println(new TextTable(List.of("CALL", "REQUEST", "TOKEN", "EXPECTED", "GOT", ""), rows)
                .render());
        context.out().println("Call the API yourself: TOKEN=$(./energywatch token --role viewer); curl -H "
                + "\"Authorization: Bearer $TOKEN\" " + gateway.resolve("/api/v1/anomalies/stats"));
        return List.of(new StepResult(name(), wrong == 0 ? StepResult.Outcome.DONE : StepResult.Outcome.FAILED,
                GATEWAY, wrong == 0 ? probes.size() + " calls answered as the route table says"
                : wrong + " of " + probes.size() + " calls answered otherwise than the route table says"));
    }

    private int send(Probe probe) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(probe.url()).timeout(Duration.ofSeconds(10));
        request = probe.method().equals("POST")
                ? request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))
                : request.GET();
        if (probe.role() != null) {
            request.header("Authorization", "Bearer " + context.tokens().mint(probe.role()));
        }
        return anonymous.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
