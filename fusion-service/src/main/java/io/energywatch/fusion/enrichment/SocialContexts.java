package io.energywatch.fusion.enrichment;

import io.energywatch.contracts.ConsumptionEnriched.SocialContext;
import io.energywatch.contracts.SocialMovementDeclared;
import org.jspecify.annotations.Nullable;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The social context of a local day for an area, from the movements covering that day: a region sees national movements
 * and its own, a national series only national ones ({@link SocialMovementDeclared#covers}).
 */
final class SocialContexts {

    private SocialContexts() {
    }

    static SocialContext of(List<SocialMovementDeclared> movementsOfDay, java.time.LocalDate date,
                            @Nullable String regionCode) {
        List<SocialMovementDeclared> covering = movementsOfDay.stream().filter(m -> m.covers(date, regionCode))
                .sorted(Comparator.comparing(SocialMovementDeclared::movementId)).toList();
        if (covering.isEmpty()) {
            return SocialContext.none();
        }
        Double rate = covering.stream().map(SocialMovementDeclared::strikerRatePercent).filter(Objects::nonNull)
                .max(Double::compare).orElse(null);
        List<String> motives = covering.stream().map(SocialMovementDeclared::motive).filter(Objects::nonNull)
                .distinct().toList();
        return new SocialContext(true, rate, motives,
                covering.stream().map(SocialMovementDeclared::movementId).toList());
    }
}
