package io.energywatch.fusion.search;

import io.energywatch.service.web.PageResponse;
import io.energywatch.service.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The series catalogue: every series the platform holds, with its unit, step, extent and record count. */
@RestController
@RequestMapping("/api/v1/series")
class SeriesController {

    private final SeriesCatalogue catalogue;

    SeriesController(SeriesCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Operation(summary = "List the series", description = "Every series indexed, ordered by id: carrier, area, region, "
            + "source, resolution, unit (MW: mean power over the step; MWh: energy), first and last interval start, the "
            + "end of the last interval (where hours= windows end), records and missing values; filtered by carrier, "
            + "region, source and resolution, one page at a time.")
    @GetMapping
    PageResponse<SeriesEntry> series(
            @Parameter(description = "electricity or gas", example = "electricity")
            @RequestParam(required = false) @Nullable String carrier,
            @Parameter(description = "Region code (INSEE, or FR)", example = "FR")
            @RequestParam(required = false) @Nullable String region,
            @Parameter(description = "Source", example = "odre") @RequestParam(required = false) @Nullable String source,
            @Parameter(description = "ISO-8601 step", example = "PT30M")
            @RequestParam(required = false) @Nullable String resolution,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size) {
        PageResponse.validate(page, size);
        List<SeriesEntry> all = catalogue.series(new SeriesCatalogue.Filter(carrier, region, source, resolution, null));
        int from = (int) Math.min((long) page * size, all.size());
        return new PageResponse<>(all.subList(from, Math.min(from + size, all.size())), page, size, all.size());
    }

    @Operation(summary = "Get one series", description = "One series of the catalogue by id; 404 when nothing of it is "
            + "indexed.")
    @GetMapping("/{id}")
    SeriesEntry one(@Parameter(description = "Series id (carrier:area:source:resolution)",
            example = "electricity:FR:odre:PT30M") @PathVariable String id) {
        return catalogue.series(new SeriesCatalogue.Filter(null, null, null, null, id)).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("series", id));
    }
}
