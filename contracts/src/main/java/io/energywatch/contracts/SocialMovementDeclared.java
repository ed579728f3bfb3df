package io.energywatch.contracts;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A strike or other social movement over a range of local days. Topic {@code energywatch.social-movements.raw.v1}, key:
 * movement id.
 */
public record SocialMovementDeclared(
        String eventId,
        @JsonPropertyDescription("stable id of the movement: source + start date + motive") String movementId,
        @JsonPropertyDescription("first local day") LocalDate startDate,
        @JsonPropertyDescription("last local day, inclusive") LocalDate endDate,
        MovementScope scope,
        @JsonPropertyDescription("INSEE codes of the regions concerned; empty when national") List<String> regionCodes,
        @Nullable String motive,
        @Nullable String unions,
        @Nullable String targetedJobs,
        @Nullable String population,
        @Nullable Integer strikers,
        @JsonPropertyDescription("striker rate in percent, 0..100") @Nullable Double strikerRatePercent,
        @JsonPropertyDescription("sncf, seed-gas, sim, ...") String source,
        Lineage lineage) implements EnergyWatchEvent {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    public SocialMovementDeclared {
        Objects.requireNonNull(movementId, "movementId");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(endDate, "endDate");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(lineage, "lineage");
        if (endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("endDate " + endDate + " is before startDate " + startDate);
        }
        regionCodes = regionCodes == null ? List.of() : List.copyOf(regionCodes);
        if (scope == MovementScope.REGIONAL && regionCodes.isEmpty()) {
            throw new IllegalArgumentException("a regional movement names at least one region");
        }
        eventId = eventId == null ? EventIds.of("movement", movementId) : eventId;
    }

    public static String movementId(String source, LocalDate startDate, @Nullable String motive) {
        return source + "-" + startDate + "-" + EventIds.of("motive", motive).substring(0, 8);
    }

    public boolean covers(LocalDate day, @Nullable String regionCode) {
        boolean inRange = !day.isBefore(startDate) && !day.isAfter(endDate);
        // A national series is affected by national movements only; a region by national ones and its own.
        return inRange && (scope == MovementScope.NATIONAL || regionCode != null && regionCodes.contains(regionCode));
    }

    @Override
    public Instant eventTime() {
        return startDate.atStartOfDay(PARIS).toInstant();
    }
}
