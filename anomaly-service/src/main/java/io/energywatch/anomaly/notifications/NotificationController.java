package io.energywatch.anomaly.notifications;

import io.energywatch.anomaly.alerts.TimeParameters;
import io.energywatch.service.web.PageResponse;
import io.energywatch.service.web.TimeWindow;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

/** The notifications with their delivery status, newest first, and their counts by channel and status. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

    private final NotificationStore store;
    private final Clock clock;

    NotificationController(NotificationStore store, Clock notificationClock) {
        this.store = store;
        this.clock = notificationClock;
    }

    @Operation(summary = "List notifications",
            description = "Notifications sent or attempted by the alert rules, filtered by delivery status and rule, "
                    + "newest first, one page at a time.")
    @GetMapping
    PageResponse<Notification> list(@RequestParam(required = false) @Nullable DeliveryStatus status,
                                    @RequestParam(required = false) @Nullable String ruleId,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size) {
        PageResponse.validate(page, size);
        return store.find(status, ruleId == null || ruleId.isBlank() ? null : ruleId, page, size);
    }

    @Operation(summary = "Notification statistics",
            description = "Counts of notifications by status and by channel, and the dispatcher's backlog (due now) "
                    + "and held ones (quiet hours, backoff). The counts by status and channel cover the notifications "
                    + "created in a window when from/to (ISO instants or local dates) or hours=H (the H hours ending at "
                    + "the newest notification) is given; due and held are the dispatcher's state now, whatever the "
                    + "window. The answer echoes the window.")
    @GetMapping("/stats")
    NotificationStats stats(
            @Parameter(description = "Inclusive start: ISO instant or local date", example = "2024-01-01")
            @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "End: an instant (exclusive) or a local date (inclusive)", example = "2024-01-31")
            @RequestParam(required = false) @Nullable String to,
            @Parameter(description = "The H hours ending at the newest notification", example = "24")
            @RequestParam(required = false) @Nullable Integer hours) {
        TimeWindow.requireExclusive(from, to, hours, null);
        TimeWindow window;
        if (hours != null) {
            window = store.newest().map(newest -> TimeWindow.hoursEndingAt(hours, newest.plusMillis(1)))
                    .orElseGet(() -> new TimeWindow(null, null, hours));
        } else {
            window = new TimeWindow(TimeParameters.from(from), TimeParameters.to(to), null);
        }
        return store.stats(clock.instant(), window);
    }
}
