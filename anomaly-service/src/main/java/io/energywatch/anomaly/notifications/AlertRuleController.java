package io.energywatch.anomaly.notifications;

import io.energywatch.service.web.PageResponse;
import io.energywatch.service.web.ProblemException;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Alert rules: list, read, create, replace and delete. */
@RestController
@RequestMapping(AlertRuleController.PATH)
class AlertRuleController {

    static final String PATH = "/api/v1/alert-rules";

    private final AlertRules rules;

    AlertRuleController(AlertRules rules) {
        this.rules = rules;
    }

    @Operation(summary = "List alert rules",
            description = "Every alert rule, one page at a time.")
    @GetMapping
    PageResponse<AlertRule> list(@RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size) {
        PageResponse.validate(page, size);
        List<AlertRule> all = rules.all();
        int from = (int) Math.min((long) page * size, all.size());
        return new PageResponse<>(all.subList(from, Math.min(from + size, all.size())), page, size, all.size());
    }

    @Operation(summary = "Get an alert rule",
            description = "One alert rule by id.")
    @GetMapping("/{id}")
    AlertRule one(@PathVariable String id) {
        return rules.find(id).orElseThrow(() -> ProblemException.notFound("alert rule", id));
    }

    @Operation(summary = "Create an alert rule",
            description = "A rule that notifies webhooks and e-mail addresses of anomalies (or drift) matching its "
                    + "filters, held during its quiet hours and throttled per series (at most one notification per "
                    + "throttle window); answers 201 with its Location.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    examples = @ExampleObject(name = "example", value = """
                            {"name": "Severe anomalies in Ile-de-France", "kind": "ANOMALY", "minSeverity": "HIGH", "regions": ["11"],
                             "carriers": ["electricity"], "throttle": "PT1H", "emails": ["oncall@example.org"]}
                            """))),
            responses = @ApiResponse(responseCode = "201", useReturnTypeSchema = true,
                    description = "Created: the rule, with its Location"))
    @PostMapping
    ResponseEntity<AlertRule> create(@Valid @RequestBody AlertRuleRequest request) {
        AlertRule rule = rules.create(request);
        return ResponseEntity.created(URI.create(PATH + "/" + rule.id())).body(rule);
    }

    @Operation(summary = "Replace an alert rule",
            description = "Replaces the rule's every field with the request's.")
    @PutMapping("/{id}")
    AlertRule replace(@PathVariable String id, @Valid @RequestBody AlertRuleRequest request) {
        return rules.replace(id, request);
    }

    @Operation(summary = "Delete an alert rule",
            description = "Deletes the rule; 204, or 404 when there is none.",
            responses = @ApiResponse(responseCode = "204", description = "Deleted"))
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        rules.delete(id);
        return ResponseEntity.noContent().build();
    }
}
