package io.energywatch.fusion.search;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** One series of the catalogue: what it measures, where, from which source, at what step, and what is indexed of it. */
record SeriesEntry(
        @Schema(description = "Series id, carrier:area:source:resolution", example = "electricity:FR:odre:PT30M") String id,
        @Schema(description = "electricity or gas", example = "electricity") String carrier,
        @Schema(description = "FR, an INSEE region code or meter-{id}", example = "FR") String area,
        @Schema(description = "Region whose weather and calendar enrich it (INSEE code or FR)", example = "FR")
        String region,
        @Schema(description = "Source of the data", example = "odre") String source,
        @Schema(description = "ISO-8601 step", example = "PT30M") String resolution,
        @Schema(description = "Unit of the values: MW (mean power over the step) or MWh (energy)", example = "MW")
        String unit,
        @Schema(description = "Start of the first interval indexed (UTC)") Instant firstInstant,
        @Schema(description = "Start of the last interval indexed (UTC)") Instant lastInstant,
        @Schema(description = "End of the last interval: where hours= windows end") Instant coveredUntil,
        @Schema(description = "Records indexed") long records,
        @Schema(description = "Records whose value is missing (null plus a flag, never 0)") long missingValues) {
}
