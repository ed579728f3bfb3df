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

/** Alert rules: list, read, create, replace and delete. */
@RestController
@RequestMapping(AlertRuleController.PATH)
class AlertRuleController {

    static final String PATH = "/api/v1/alert-rules";

    private final AlertRules rules;

    AlertRuleController(AlertRules rules) {
        this.rules = rules;
    }

    @GetMapping
    PageResponse<AlertRule> list(@RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size) {
        PageResponse.validate(page, size);
        List<AlertRule> all = rules.all();
        int from = (int) Math.min((long) page * size, all.size());
        return new PageResponse<>(all.subList(from, Math.min(from + size, all.size())), page, size, all.size());
    }

    @GetMapping("/{id}")
    AlertRule one(@PathVariable String id) {
        return rules.find(id).orElseThrow(() -> ProblemException.notFound("alert rule", id));
    }

    @PostMapping
    ResponseEntity<AlertRule> create(@Valid @RequestBody AlertRuleRequest request) {
        AlertRule rule = rules.create(request);
        return ResponseEntity.created(URI.create(PATH + "/" + rule.id())).body(rule);
    }

    @PutMapping("/{id}")
    AlertRule replace(@PathVariable String id, @Valid @RequestBody AlertRuleRequest request) {
        return rules.replace(id, request);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        rules.delete(id);
        return ResponseEntity.noContent().build();
    }
}
