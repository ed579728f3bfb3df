package io.energywatch.fusion.enrichment;

import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.ConsumptionEnriched.SocialContext;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.energywatch.fusion.enrichment.Events.BRETAGNE;
import static io.energywatch.fusion.enrichment.Events.NATIONAL;
import static io.energywatch.fusion.enrichment.Events.PACA;
import static io.energywatch.fusion.enrichment.Events.daily;
import static io.energywatch.fusion.enrichment.Events.nationalStrike;
import static io.energywatch.fusion.enrichment.Events.regionalStrike;
import static org.assertj.core.api.Assertions.assertThat;

/** Movements cover each local day of their range: national ones every series, regional ones their regions only. */
class SocialMovementsTest {

    private static final LocalDate MARCH_5 = LocalDate.of(2024, 3, 5);

    @Test
    void aMultiDayNationalStrikeCoversEachDayOfItsRangeAndNoOther() {
        try (var fusion = new FusionDriver()) {
            fusion.declare(nationalStrike("sncf-2024-03-05", MARCH_5, MARCH_5.plusDays(2), 31.5, "retraites"));
            for (int d = -1; d <= 3; d++) {
                fusion.measure(daily(NATIONAL.withResolution("P1D"), MARCH_5.plusDays(d), 1_500_000));
            }

            assertThat(fusion.drain()).extracting(e -> e.localDate() + " " + e.social().strike())
                    .containsExactly("2024-03-04 false", "2024-03-05 true", "2024-03-06 true", "2024-03-07 true",
                            "2024-03-08 false");
        }
    }

    @Test
    void aNationalStrikeAlsoCoversRegionalSeries() {
        try (var fusion = new FusionDriver()) {
            fusion.declare(nationalStrike("sncf-2024-03-05", MARCH_5, MARCH_5, 31.5, "retraites"));
            fusion.measure(daily(PACA.withResolution("P1D"), MARCH_5, 110_000));

            SocialContext social = fusion.drain().getFirst().social();
            assertThat(social.strike()).isTrue();
            assertThat(social.strikerRatePercent()).isEqualTo(31.5);
            assertThat(social.motives()).containsExactly("retraites");
            assertThat(social.movementIds()).containsExactly("sncf-2024-03-05");
        }
    }

    @Test
    void aRegionalStrikeCoversItsRegionsButNotOtherRegionsNorNationalSeries() {
        try (var fusion = new FusionDriver()) {
            fusion.declare(regionalStrike("gas-53", MARCH_5, MARCH_5, List.of("53", "52"), 12.0, "salaires"));
            fusion.measure(daily(BRETAGNE.withResolution("P1D"), MARCH_5, 20_000),
                    daily(PACA.withResolution("P1D"), MARCH_5, 110_000),
                    daily(NATIONAL.withResolution("P1D"), MARCH_5, 1_500_000));

            assertThat(fusion.drain()).extracting(e -> e.measurement().area() + " " + e.social().strike())
                    .containsExactly("53 true", "93 false", "FR false");
        }
    }

    @Test
    void overlappingMovementsGiveTheHighestStrikerRateAndEveryMotive() {
        try (var fusion = new FusionDriver()) {
            fusion.declare(nationalStrike("national", MARCH_5, MARCH_5, 20.0, "retraites"),
                    regionalStrike("regional", MARCH_5.minusDays(1), MARCH_5, List.of("53"), 45.0, "salaires"));
            fusion.measure(daily(BRETAGNE.withResolution("P1D"), MARCH_5, 20_000));

            SocialContext social = fusion.drain().getFirst().social();
            assertThat(social.strikerRatePercent()).isEqualTo(45.0);
            assertThat(social.motives()).containsExactly("retraites", "salaires");
            assertThat(social.movementIds()).containsExactly("national", "regional");
        }
    }

    @Test
    void aMovementDeclaredAfterTheMeasurementsReEmitsTheDaysItCovers() {
        try (var fusion = new FusionDriver()) {
            fusion.measure(daily(PACA.withResolution("P1D"), MARCH_5, 110_000),
                    daily(PACA.withResolution("P1D"), MARCH_5.plusDays(1), 111_000),
                    daily(PACA.withResolution("P1D"), MARCH_5.plusDays(2), 112_000));
            fusion.drain();

            fusion.declare(nationalStrike("late", MARCH_5.plusDays(1), MARCH_5.plusDays(5), 10.0, "retraites"));

            List<ConsumptionEnriched> again = fusion.drain();
            assertThat(again).extracting(ConsumptionEnriched::localDate)
                    .containsExactly(MARCH_5.plusDays(1), MARCH_5.plusDays(2));
            assertThat(again).allSatisfy(e -> assertThat(e.social().strike()).isTrue());
        }
    }

    @Test
    void aMovementMovedToOtherDaysReEmitsTheDaysItLeft() {
        try (var fusion = new FusionDriver()) {
            fusion.declare(nationalStrike("moved", MARCH_5, MARCH_5, 10.0, "retraites"));
            fusion.measure(daily(PACA.withResolution("P1D"), MARCH_5, 110_000),
                    daily(PACA.withResolution("P1D"), MARCH_5.plusDays(1), 111_000));
            fusion.drain();

            fusion.declare(nationalStrike("moved", MARCH_5.plusDays(1), MARCH_5.plusDays(1), 10.0, "retraites"));

            assertThat(fusion.drain()).extracting(e -> e.localDate() + " " + e.social().strike())
                    .containsExactly("2024-03-05 false", "2024-03-06 true");
        }
    }
}
