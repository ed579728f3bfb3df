package io.energywatch.anomaly.clustering;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileClusteringTest {

    private static final Instant MONDAY = Instant.parse("2024-03-04T00:00:00Z");

    /** Two weeks of hourly load: offices peak on weekday working hours, homes in the evening, every day. */
    private static LoadProfiles meters() {
        var profiles = new LoadProfiles(ZoneId.of("Europe/Paris"));
        var noise = new Random(3);
        for (int m = 0; m < 4; m++) {
            double size = 1 + m * 3;
            for (int h = 0; h < 14 * 24; h++) {
                Instant at = MONDAY.plusSeconds(3600L * h);
                int hour = (h + 1) % 24;
                boolean weekday = (h / 24) % 7 < 5;
                double office = weekday && hour >= 8 && hour < 18 ? 3 : 0.5;
                double home = hour >= 18 && hour < 23 ? 3 : 0.8;
                profiles.record("electricity:meter-office-" + m + ":ext-meters:PT1H", at,
                        size * office * (1 + 0.02 * noise.nextGaussian()));
                profiles.record("electricity:meter-home-" + m + ":ext-meters:PT1H", at,
                        size * home * (1 + 0.02 * noise.nextGaussian()));
            }
        }
        return profiles;
    }

    private static double[][] matrix(Map<String, double[]> shapes) {
        return shapes.values().toArray(double[][]::new);
    }

    @Test
    void kmeansPicksTwoClustersByTheSilhouetteAndSeparatesOfficesFromHomesWhateverTheirSize() {
        var shapes = meters().shapes(ClusterLevel.METER, "electricity");
        List<String> keys = new ArrayList<>(shapes.keySet());
        var result = new ProfileClustering(6, 4, 100, 42).kmeans(keys, matrix(shapes));

        assertThat(result.k()).isEqualTo(2);
        assertThat(result.silhouette()).isGreaterThan(0.7);
        int office = result.assignments().get("meter-office-0");
        int home = result.assignments().get("meter-home-0");
        assertThat(office).isNotEqualTo(home);
        result.assignments().forEach((meter, cluster) ->
                assertThat(cluster).isEqualTo(meter.startsWith("meter-office") ? office : home));
    }

    @Test
    void dbscanWithEpsFromTheKDistanceKneeFindsTheSameTwoGroups() {
        var shapes = meters().shapes(ClusterLevel.METER, null);
        List<String> keys = new ArrayList<>(shapes.keySet());
        var result = new ProfileClustering(6, 2, 100, 42).dbscan(keys, matrix(shapes));

        assertThat(result.clusters()).isEqualTo(2);
        assertThat(result.noise()).isZero();
        assertThat(result.eps()).isPositive();
        assertThat(result.assignments().get("meter-office-1")).isEqualTo(result.assignments().get("meter-office-3"));
        assertThat(result.assignments().get("meter-office-1")).isNotEqualTo(result.assignments().get("meter-home-1"));
    }

    @Test
    void aShapeIsTheSlotMeanOverTheOverallMeanAndARedeliveredRowCountsOnce() {
        var profiles = new LoadProfiles(ZoneId.of("UTC"));
        profiles.record("gas:53:ext-x:PT1H", MONDAY, 10);
        profiles.record("gas:53:ext-x:PT1H", MONDAY.plusSeconds(3600), 30);
        profiles.record("gas:53:ext-x:PT1H", MONDAY, 1000);
        double[] shape = profiles.shapes(ClusterLevel.REGION, "gas").get("53");
        assertThat(shape[0]).isEqualTo(0.5);
        assertThat(shape[1]).isEqualTo(1.5);
        assertThat(shape[2]).isEqualTo(1.0);
        assertThat(profiles.shapes(ClusterLevel.METER, null)).isEmpty();
    }
}
