package io.energywatch.prediction.forecast;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;

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

    @Operation(summary = "Forecast a series",
            description = "Forecasts the horizonDays local days after the series' last complete day.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    examples = @ExampleObject(name = "example", value = """
                            {"series": "gas:53:sim:P1D", "horizonDays": 3}
                            """))))
    @PostMapping("/forecasts")
    ForecastResponse forecast(@RequestBody ForecastRequest request) {
        return forecasts.forecast(request);
    }

    @Operation(summary = "Answer a what-if scenario",
            description = "The consumption of one local day under a scenario: its maximum and minimum temperature (or "
                    + "tempMeanC alone, or tempDeltaC shifting the recorded temperatures), wind, humidity, "
                    + "visibility, cloud cover and a strike with its striker rate; a measure not given keeps the "
                    + "recorded day's value or is imputed by the model.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    examples = @ExampleObject(name = "example", value = """
                            {"series": "gas:53:sim:P1D", "date": "2024-04-15", "tempMaxC": 4, "tempMinC": -3,
                             "windKmh": 40,
                             "humidityPercent": 85, "strike": false}
                            """))))
    @PostMapping("/what-if")
    WhatIfResponse whatIf(@RequestBody WhatIfRequest request) {
        return whatIfs.answer(request);
    }
}
