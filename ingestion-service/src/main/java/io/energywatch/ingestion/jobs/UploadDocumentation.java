package io.energywatch.ingestion.jobs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The OpenAPI description of an upload, shared by the multipart and the raw-body handlers: springdoc merges the two
 * into one operation of {@code POST /api/v1/ingestions}, so they must describe it alike.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Operation(summary = "Upload a file to ingest", description = "Accepts the file (multipart part 'file' or the raw "
        + "request body) and answers 202 with the job and its Location at once; parsing, storing and publishing "
        + "happen in the background. Follow the job at /api/v1/ingestions/{id}.",
        requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(type = "object"),
                        schemaProperties = @SchemaProperty(name = "file",
                                schema = @Schema(type = "string", format = "binary"))),
                @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                        schema = @Schema(type = "string", format = "binary"))}),
        responses = @ApiResponse(responseCode = "202", useReturnTypeSchema = true,
                description = "Accepted: the job, with its Location"))
@Parameters({
        @Parameter(name = "kind", in = ParameterIn.QUERY, required = true, example = "consumption",
                description = "What the file holds: consumption, weather, social-movements or weather-forecast"),
        @Parameter(name = "format", in = ParameterIn.QUERY, example = "odre-conso-brute",
                description = "The file's format; detected from its header when absent (generic-csv and generic-json need it)"),
        @Parameter(name = "tz", in = ParameterIn.QUERY, example = "Europe/Paris",
                description = "Time zone of local timestamps, when the format does not fix one"),
        @Parameter(name = "duplicates", in = ParameterIn.QUERY, example = "first",
                description = "Consumption records sharing a series and interval start: keep the first (default) or"
                        + " the last in file order, merge them into their mean, or reject the repeats naming their"
                        + " lines. Records are sorted by time per series within the configured reorder window (a"
                        + " newest-first file is read from its end); one further out of place is rejected naming its"
                        + " line. The job's ordering object counts what was done."),
        @Parameter(name = "timestampColumn", in = ParameterIn.QUERY, example = "timestamp",
                description = "Generic formats: the timestamp column (with valueColumn)"),
        @Parameter(name = "valueColumn", in = ParameterIn.QUERY, example = "value",
                description = "Generic formats: the value column (with timestampColumn)"),
        @Parameter(name = "unit", in = ParameterIn.QUERY, example = "MW", description = "Generic formats: the values' unit"),
        @Parameter(name = "seriesId", in = ParameterIn.QUERY, example = "electricity:11:ext-acme:PT30M",
                description = "Generic formats: the series every row belongs to (or seriesColumn, regionColumn, carrier,"
                        + " source, resolution, unitColumn, extraColumns)")})
@interface UploadDocumentation {
}
