package io.energywatch.prediction.backtest;

import io.energywatch.service.web.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Backtests on what the service consumed, and the latest one's table for the demo. */
@RestController
@RequestMapping("/api/v1/predictions")
class BacktestController {

    private final Backtests backtests;

    BacktestController(Backtests backtests) {
        this.backtests = backtests;
    }

    @PostMapping("/backtests")
    BacktestResponse backtest(@RequestBody BacktestRequest request) {
        return backtests.run(request);
    }

    @GetMapping("/summary")
    BacktestSummary summary() {
        return backtests.latest().orElseThrow(() -> ProblemException.notFound("backtest summary", "latest"));
    }
}
