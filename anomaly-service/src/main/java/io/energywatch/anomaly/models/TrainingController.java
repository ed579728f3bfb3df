package io.energywatch.anomaly.models;

import io.energywatch.analytics.registry.ModelIds;
import io.energywatch.analytics.registry.ModelRegistry;
import io.energywatch.analytics.registry.ModelVersion;
import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;

/**
 * {@code POST /api/v1/anomalies/models}: trains, registers and promotes a group forest. Synchronous (201): training
 * on the frames held in memory takes about a second for the default 50,000 rows.
 */
@RestController
class TrainingController {

    private static final int LISTED = 100;

    private final ModelTrainer trainer;
    private final ModelCatalog catalog;
    private final ModelRegistry registry;
    private final TrainingFeedback feedback;

    TrainingController(ModelTrainer trainer, ModelCatalog catalog, ModelRegistry registry,
                       TrainingFeedback feedback) {
        this.trainer = trainer;
        this.catalog = catalog;
        this.registry = registry;
        this.feedback = feedback;
    }

    /**
     * The newest trained versions, newest training window first, each with whether it is its group's champion and
     * the precision operators' verdicts give it.
     */
    @Operation(summary = "List trained models",
            description = "The newest trained versions, newest training window first, each with whether it is its "
                    + "group's champion and the precision operators' verdicts give it.")
    @GetMapping("/api/v1/anomalies/models")
    List<ListedModel> list() {
        var champions = new HashMap<String, Optional<String>>();
        return catalog.recent(LISTED).stream().map(t -> new ListedModel(t,
                champions.computeIfAbsent(t.modelId(), id -> registry.byAlias(id, ModelRegistry.CHAMPION)
                        .map(ModelVersion::version))
                        .filter(t.version()::equals).isPresent(),
                ListedModel.FeedbackPrecision.of(feedback.verdicts(t.modelId(), t.version())))).toList();
    }

    @Operation(summary = "Train a model",
            description = "Trains a new model version for a series group (carrier:source:resolution, or a series id) "
                    + "on the frames between from and to (the configured window ending at the newest frame when "
                    + "both are absent), registers it as the group's champion and answers 201 with the result.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    examples = @ExampleObject(name = "example", value = """
                            {"group": "electricity:sim:PT30M", "from": "2024-01-01T00:00:00Z", "to": "2024-02-01T00:00:00Z"}
                            """))))
    @PostMapping("/api/v1/anomalies/models")
    @ResponseStatus(HttpStatus.CREATED)
    TrainingResult train(@Valid @RequestBody TrainingRequest request) {
        SeriesGroup group = group(request.group());
        if (request.from() == null && request.to() == null) {
            return catalogued(trainer.trainRecent(group, "manual", true));
        }
        if (request.from() == null || request.to() == null || !request.to().isAfter(request.from())) {
            throw ProblemException.badRequest("invalid-request", "give both from and to, with to after from",
                    List.of(ProblemError.field("to", request.to(), "must be after from")));
        }
        return catalogued(trainer.train(group, request.from(), request.to(), "manual", true));
    }

    /** What a promotion answers: the group's champion now. */
    record Promotion(String modelId, String version, String promotedBy) {
    }

    @Operation(summary = "Promote a model version",
            description = "Makes a registered version (a challenger trained after drift, or an older version) its "
                    + "group's champion; the detectors score with it from their next row. Admins only. The next "
                    + "scheduled training promotes its own version again.")
    @PostMapping("/api/v1/anomalies/models/{modelId}/versions/{version}/promotion")
    Promotion promote(@PathVariable @Pattern(regexp = ModelIds.ID_PATTERN, message = "must be a model id") String modelId,
                      @PathVariable @Pattern(regexp = ModelIds.VERSION_PATTERN, message = "must be a version")
                      String version,
                      @Parameter(hidden = true) Principal caller) {
        return trainer.promote(modelId, version)
                .map(v -> new Promotion(modelId, v.version(), caller.getName()))
                .orElseThrow(() -> ProblemException.notFound("model version", modelId + " " + version));
    }

    private TrainingResult catalogued(TrainingResult result) {
        catalog.add(result);
        return result;
    }

    private static SeriesGroup group(String text) {
        try {
            return text.split(":", -1).length == 4 ? SeriesGroup.of(text) : SeriesGroup.parse(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-request", e.getMessage(),
                    List.of(ProblemError.field("group", text, "expected carrier:source:resolution or a series id")));
        }
    }
}
