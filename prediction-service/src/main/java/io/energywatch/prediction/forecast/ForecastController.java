package io.energywatch.prediction.forecast;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Forecasts and what-if scenarios. */
@RestController
@RequestMapping("/api/v1/predictions")
class ForecastController {

    private final Forecasts forecasts;
    private final WhatIfs whatIfs;

    ForecastController(Forecasts forecasts, WhatIfs whatIfs) {
        this.forecasts = forecasts;
        this.whatIfs = whatIfs;
    }

    @PostMapping("/forecasts")
    ForecastResponse forecast(@RequestBody ForecastRequest request) {
        return forecasts.forecast(request);
    }

    @PostMapping("/what-if")
    WhatIfResponse whatIf(@RequestBody WhatIfRequest request) {
        return whatIfs.answer(request);
    }
}
