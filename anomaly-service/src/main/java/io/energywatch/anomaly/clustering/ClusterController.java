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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;

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

    @Operation(summary = "Cluster load profiles",
            description = "Groups regions or meters by the shape of their weekly load profile (168 values, 1.0 = the "
                    + "entity's mean) with k-means and DBSCAN, and answers every profile and both clusterings "
                    + "with their assignments and quality; 422 when too few entities have data.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    examples = @ExampleObject(name = "example", value = """
                            {"level": "REGION", "carrier": "electricity", "maxK": 6, "neighbours": 5}
                            """))))
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
