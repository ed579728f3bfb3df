package io.energywatch.anomaly.notifications;

import io.energywatch.service.web.PageResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import io.swagger.v3.oas.annotations.Operation;

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
                    + "and held ones (quiet hours, backoff).")
    @GetMapping("/stats")
    NotificationStats stats() {
        return store.stats(clock.instant());
    }
}
