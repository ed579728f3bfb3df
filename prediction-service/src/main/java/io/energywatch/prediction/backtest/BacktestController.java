package io.energywatch.prediction.backtest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.energywatch.service.web.ProblemException;
import io.energywatch.service.web.TabularResponse;
import io.energywatch.service.web.TimeWindow;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.util.List;

/** Backtests on what the service consumed, run as jobs, and the latest one's table for the demo. */
@RestController
@RequestMapping("/api/v1/predictions")
class BacktestController {

    private final BacktestJobs jobs;

    BacktestController(BacktestJobs jobs) {
        this.jobs = jobs;
    }

    /** 202 with the job and its Location; an invalid request is refused at once. */
    @Operation(summary = "Run a backtest",
            description = "Trains on [trainFrom, trainTo] and tests on [testFrom, testTo] (local days, inclusive) "
                    + "every algorithm asked for (all when absent) at horizonDays (1 when absent), as a "
                    + "background job: 202 with the job and its Location; an invalid request is refused at once.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    examples = @ExampleObject(name = "example", value = """
                            {"series": "gas:53:sim:PT1H", "trainFrom": "2024-01-01", "trainTo": "2024-03-31",
                             "testFrom": "2024-04-01", "testTo": "2024-04-29", "horizonDays": 1}
                            """))),
            responses = @ApiResponse(responseCode = "202", useReturnTypeSchema = true,
                    description = "Accepted: the backtest job, with its Location"))
    @PostMapping("/backtests")
    ResponseEntity<BacktestJobs.Job> backtest(@RequestBody BacktestRequest request) {
        BacktestJobs.Job job = jobs.submit(request);
        var location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/predictions/backtests/{id}")
                .buildAndExpand(job.id()).toUri();
        return ResponseEntity.accepted().location(location).body(job);
    }

    @Operation(summary = "Get a backtest job",
            description = "The job's state: the result once it succeeded, the problem once it failed.")
    @GetMapping("/backtests/{id}")
    BacktestJobs.Job job(@PathVariable String id) {
        return jobs.find(id).orElseThrow(() -> ProblemException.notFound("backtest job", id));
    }

    /** The latest backtest's summary, with the window it was chosen in; as CSV, its table. */
    record SummaryView(TimeWindow window, @JsonUnwrapped BacktestSummary summary)
            implements TabularResponse<BacktestSummary.Row> {

        @Override
        public List<BacktestSummary.Row> tableRows() {
            return summary.table();
        }
    }

    @Operation(summary = "Latest backtest summary",
            description = "The demo's table: the latest backtest, one row per algorithm and baseline, best test MAPE "
                    + "first; 404 before any. Of the backtests that ran in a window when from/to (ISO instants or "
                    + "local dates) or hours=H (the H hours ending when the latest backtest ran) is given; the answer "
                    + "echoes the window. As CSV (Accept: text/csv), the table.")
    @GetMapping("/summary")
    SummaryView summary(
            @Parameter(description = "Inclusive start: ISO instant or local date", example = "2024-01-01")
            @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "End: an instant (exclusive) or a local date (inclusive)", example = "2024-01-31")
            @RequestParam(required = false) @Nullable String to,
            @Parameter(description = "The H hours ending when the latest backtest ran", example = "24")
            @RequestParam(required = false) @Nullable Integer hours) {
        TimeWindow.requireExclusive(from, to, hours, null);
        TimeWindow window = hours == null
                ? TimeWindow.of(from, to)
                : jobs.latestSummary().map(s -> TimeWindow.hoursEndingAt(hours, s.ranAt().plusMillis(1)))
                        .orElseGet(() -> new TimeWindow(null, null, hours));
        return jobs.latestSummary(window).map(s -> new SummaryView(window, s))
                .orElseThrow(() -> ProblemException.notFound("backtest summary", "latest"));
    }
}
