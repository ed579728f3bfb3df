package io.energywatch.prediction.backtest;

import io.energywatch.service.web.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Backtests on what the service consumed, run as jobs, and the latest one's table for the demo. */
@RestController
@RequestMapping("/api/v1/predictions")
class BacktestController {

    private final BacktestJobs jobs;

    BacktestController(BacktestJobs jobs) {
        this.jobs = jobs;
    }

    /** 202 with the job and its Location; an invalid request is refused at once. */
    @PostMapping("/backtests")
    ResponseEntity<BacktestJobs.Job> backtest(@RequestBody BacktestRequest request) {
        BacktestJobs.Job job = jobs.submit(request);
        var location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/predictions/backtests/{id}")
                .buildAndExpand(job.id()).toUri();
        return ResponseEntity.accepted().location(location).body(job);
    }

    @GetMapping("/backtests/{id}")
    BacktestJobs.Job job(@PathVariable String id) {
        return jobs.find(id).orElseThrow(() -> ProblemException.notFound("backtest job", id));
    }

    @GetMapping("/summary")
    BacktestSummary summary() {
        return jobs.latestSummary().orElseThrow(() -> ProblemException.notFound("backtest summary", "latest"));
    }
}
