package io.energywatch.anomaly.clustering;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/clusters}.
 *
 * @param level   REGION or METER
 * @param carrier electricity or gas; all carriers when absent
 * @param maxK       largest k KMeans tries (k from 2)
 * @param neighbours k of DBSCAN's k-distance curve and its minPts; below the smallest expected cluster's size
 */
public record ClusterRequest(@NotNull ClusterLevel level, @Nullable @Pattern(regexp = "electricity|gas") String carrier,
                             @Nullable @Min(2) @Max(20) Integer maxK, @Nullable @Min(1) @Max(50) Integer neighbours) {
}
