package io.energywatch.anomaly.clustering;

import io.energywatch.anomaly.config.AnomalyProperties;
import io.energywatch.service.web.ProblemException;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/** {@code POST /api/v1/clusters}: clusters the weekday × hour shapes of the regions or meters seen so far. */
@RestController
class ClusterController {

    private static final int MIN_ENTITIES = 3;

    private final LoadProfiles profiles;
    private final AnomalyProperties.Clustering settings;

    ClusterController(LoadProfiles profiles, AnomalyProperties properties) {
        this.profiles = profiles;
        this.settings = properties.clustering();
    }

    @PostMapping("/api/v1/clusters")
    ClusterReport cluster(@Valid @RequestBody ClusterRequest request) {
        var shapes = profiles.shapes(request.level(), request.carrier());
        if (shapes.size() < MIN_ENTITIES) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "not-enough-data", "Not enough data",
                    "clustering needs at least " + MIN_ENTITIES + " " + request.level().name().toLowerCase()
                            + " profiles, " + shapes.size() + " seen", List.of());
        }
        List<String> keys = new ArrayList<>(shapes.keySet());
        double[][] x = keys.stream().map(shapes::get).toArray(double[][]::new);
        var clustering = new ProfileClustering(request.maxK() == null ? settings.maxK() : request.maxK(),
                request.neighbours() == null ? settings.dbscanNeighbours() : request.neighbours(),
                settings.kmeansIterations(), settings.seed());
        var km = clustering.kmeans(keys, x);
        var db = clustering.dbscan(keys, x);
        return new ClusterReport(request.level(), keys.size(), shapes,
                new ClusterReport.KMeans(km.k(), km.silhouette(), km.silhouetteByK(), km.assignments(), km.centroids()),
                new ClusterReport.Dbscan(db.eps(), db.minPoints(), db.clusters(), db.noise(), db.silhouette(),
                        db.assignments()));
    }
}
