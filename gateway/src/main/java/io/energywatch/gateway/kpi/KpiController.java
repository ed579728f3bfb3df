package io.energywatch.gateway.kpi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/kpi}: the integrators' one call for the platform's key figures. */
@RestController
class KpiController {

    private final KpiReader reader;

    KpiController(KpiReader reader) {
        this.reader = reader;
    }

    @GetMapping("/api/v1/kpi")
    @Operation(summary = "Key figures: consumption, anomalies, forecast accuracy, drift",
            description = "Consumption totals (MWh) and peaks (MW) per carrier and region and per period (fusion's "
                    + "daily aggregates), anomalies by severity and status, the realised accuracy of issued forecasts "
                    + "and the models' drift status, read from the services with the caller's token. The window "
                    + "(from/to or hours) is echoed and passed to every service's statistics; without one, consumption "
                    + "covers the 30 days ending at the last indexed day and the other sections everything. A service "
                    + "that cannot answer leaves its section 'unavailable' (naming it) and the answer is still 200.")
    Kpi kpi(@Parameter(description = "Inclusive start: ISO instant or local date", example = "2022-01-01")
            @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "End: an instant (exclusive) or a local date (inclusive)", example = "2022-12-31")
            @RequestParam(required = false) @Nullable String to,
            @Parameter(description = "The H hours ending at the last indexed interval (instead of from/to)",
                    example = "24")
            @RequestParam(required = false) @Nullable Integer hours,
            @Parameter(description = "Consumption periods: day, week or month", example = "month")
            @RequestParam(required = false) @Nullable String interval,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
            @Nullable String authorization) {
        return reader.read(from, to, hours, interval, authorization);
    }
}
