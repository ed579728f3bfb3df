package io.energywatch.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue step against a stand-in for the fusion service: the series table, then the CSV of the largest. */
class CatalogueStepTest {

    @TempDir
    Path checkout;

    @Test
    void theCatalogueIsATableAndTheLargestSeriesLatestRecordsAreCsv() throws Exception {
        try (var fusion = new StandInService(checkout, "fusion", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            if (exchange.getRequestURI().getPath().equals("/api/v1/series")) {
                StandInService.answer(exchange, """
                        {"content": [
                          {"id": "electricity:11:sim:P1D", "unit": "MWh", "firstInstant": "2023-12-31T23:00:00Z",
                           "lastInstant": "2024-01-30T23:00:00Z", "records": 31, "missingValues": 0},
                          {"id": "electricity:11:sim:PT30M", "unit": "MW", "firstInstant": "2023-12-31T23:00:00Z",
                           "lastInstant": "2024-01-31T22:30:00Z", "records": 1488, "missingValues": 2}],
                         "page": 0, "size": 1000, "totalElements": 2}""");
                return;
            }
            boolean asked = "text/csv".equals(exchange.getRequestHeaders().getFirst("Accept"))
                    && query.equals("series=electricity%3A11%3Asim%3APT30M&latest=3");
            byte[] body = (asked ? "eventId,seriesId,intervalStart\r\na,electricity:11:sim:PT30M,2024-01-31T21:30:00Z\r\n"
                    + "b,electricity:11:sim:PT30M,2024-01-31T22:00:00Z\r\nc,electricity:11:sim:PT30M,"
                    + "2024-01-31T22:30:00Z\r\n" : "{}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", asked ? "text/csv;charset=UTF-8" : "application/json");
            exchange.sendResponseHeaders(asked ? 200 : 406, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        })) {
            var result = new CatalogueStep(new PipelineDrain.Dependencies(List.of("fusion", "indexer"), List.of()),
                    fusion.context()).run();

            assertThat(result).singleElement().satisfies(r -> {
                assertThat(r.outcome()).isEqualTo(DemoStep.StepResult.Outcome.DONE);
                assertThat(r.detail()).isEqualTo("2 series, CSV of 3 records");
            });
            assertThat(fusion.printed()).contains("electricity:11:sim:PT30M", "MWh", "1488",
                    "eventId,seriesId,intervalStart", "c,electricity:11:sim:PT30M,2024-01-31T22:30:00Z");
        }
    }
}
