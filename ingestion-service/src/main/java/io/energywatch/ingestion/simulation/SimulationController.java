package io.energywatch.ingestion.simulation;

import io.energywatch.contracts.EventJson;
import io.energywatch.ingestion.jobs.IngestionJob;
import io.energywatch.ingestion.jobs.JobLauncher;
import io.energywatch.ingestion.jobs.JobView;
import io.energywatch.ingestion.simulator.InjectedAnomaly;
import io.energywatch.ingestion.simulator.SimulatedResolution;
import io.energywatch.ingestion.simulator.SimulationRequest;
import io.energywatch.ingestion.simulator.Simulator;
import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.temporal.ChronoUnit;
import java.util.List;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * {@code /api/v1/simulations}: generate realistic data with the seeded simulator and ingest it like any upload (202 and a
 * job); the labels of the anomalies it injected are served for evaluating detectors.
 */
@RestController
@RequestMapping("/api/v1/simulations")
class SimulationController {

    static final String TRIGGER = "simulation";

    private final JobLauncher launcher;

    SimulationController(JobLauncher launcher) {
        this.launcher = launcher;
    }

    @Operation(summary = "Run a simulation", description = "Generates realistic consumption and weather with the seeded "
            + "simulator (with injected anomalies) and ingests it like an upload: 202 with the job. The same seed gives "
            + "the same records, so a second run adds nothing.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    examples = @ExampleObject(name = "two regions, January", value = """
                            {"seed": 7, "from": "2023-01-02", "to": "2023-01-31", "regions": ["11", "93"],
                             "resolutions": ["PT30M", "P1D"], "weatherForecasts": false}"""))),
            responses = @ApiResponse(responseCode = "202", useReturnTypeSchema = true,
                    description = "Accepted: the simulation's ingestion job, with its Location"))
    @PostMapping
    ResponseEntity<JobView> simulate(@Valid @RequestBody SimulationCommand command) {
        SimulationRequest request;
        try {
            if (ChronoUnit.DAYS.between(command.from(), command.to()) + 1 > SimulationCommand.MAX_DAYS) {
                throw new IllegalArgumentException("a simulation covers at most " + SimulationCommand.MAX_DAYS + " days");
            }
            request = command.toRequest("validation");
            if (command.firstPublished().isBefore(command.from()) || command.lastPublished().isAfter(command.to())
                    || command.lastPublished().isBefore(command.firstPublished())) {
                throw new IllegalArgumentException("publishFrom..publishTo must be a period within " + command.from()
                        + ".." + command.to() + ", was " + command.firstPublished() + ".." + command.lastPublished());
            }
            new Simulator(request); // draws the plan: refuses periods too short for the requested anomalies
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-simulation", e.getMessage(),
                    List.of(ProblemError.field("simulation", null, e.getMessage())));
        }
        long days = ChronoUnit.DAYS.between(command.firstPublished(), command.lastPublished()) + 1;
        IngestionJob job = launcher.launch(TRIGGER, SimulationRequest.DEFAULT_ORIGIN, TRIGGER,
                expectedRecords(request) * days / request.days(),
                EventJson.MAPPER.writeValueAsString(command));
        var location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/ingestions/{id}")
                .buildAndExpand(job.id()).toUri();
        return ResponseEntity.accepted().location(location).body(launcher.view(job));
    }

    /** The anomalies a simulation job injected in the days it ingested, regenerated from its stored request. */
    @Operation(summary = "Get a simulation's injected anomalies", description = "The labels of the anomalies the "
            + "simulation job injected in the days it ingested, for evaluating detectors.")
    @GetMapping("/{jobId}/labels")
    List<InjectedAnomaly> labels(@PathVariable String jobId) {
        IngestionJob job = launcher.find(jobId).filter(j -> TRIGGER.equals(j.trigger()))
                .orElseThrow(() -> ProblemException.notFound("simulation job", jobId));
        SimulationCommand command = SimulationSource.command(job);
        return new Simulator(command.toRequest(job.id())).labels().stream()
                .filter(label -> command.publishes(label.start())).toList();
    }

    /**
     * Records a run will produce: per region and day, 48 half-hours (about), one daily value, one weather record, and
     * the weather forecasts when asked for.
     */
    private static long expectedRecords(SimulationRequest r) {
        long perRegionDay = 1 + (r.resolutions().contains(SimulatedResolution.HALF_HOURLY) ? 48 : 0)
                + (r.resolutions().contains(SimulatedResolution.DAILY) ? 1 : 0)
                + (r.weatherForecasts() == null ? 0 : r.weatherForecasts().maxLeadDays());
        return r.days() * r.regionCodes().size() * perRegionDay;
    }
}
