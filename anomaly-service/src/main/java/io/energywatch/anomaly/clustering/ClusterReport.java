package io.energywatch.anomaly.clustering;

import java.util.List;
import java.util.Map;

/**
 * What {@code POST /api/v1/clusters} answers: the shape profile of every entity (168 values, Monday 00:00 local
 * first, 1.0 = the entity's mean), and both clusterings with their assignments and quality.
 */
public record ClusterReport(ClusterLevel level, int entities, Map<String, double[]> profiles, KMeans kmeans,
                            Dbscan dbscan) {

    public record KMeans(int k, double silhouette, Map<Integer, Double> silhouetteByK,
                         Map<String, Integer> assignments, List<double[]> centroids) {
    }

    /** Cluster -1 is noise; the silhouette is over clustered points, null with fewer than two clusters. */
    public record Dbscan(double eps, int minPoints, int clusters, long noise, Double silhouette,
                         Map<String, Integer> assignments) {
    }
}
