package io.energywatch.prediction.issuance;

import io.energywatch.prediction.history.DailySeriesIds;
import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;
import io.energywatch.service.web.TabularResponse;
import io.energywatch.service.web.TimeWindow;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

/** Issued forecasts, their realised accuracy and the issuance's state. */
@RestController
@RequestMapping("/api/v1/forecasts")
class ForecastsController {

    private final ForecastIssuer issuer;
    private final IssuedForecastStore issues;
    private final AccuracyStore accuracy;

    ForecastsController(ForecastIssuer issuer, IssuedForecastStore issues, AccuracyStore accuracy) {
        this.issuer = issuer;
        this.issues = issues;
        this.accuracy = accuracy;
    }

    /**
     * Realised accuracy per series, horizon and algorithm over the scored steps the filters select; {@code window} the
     * target days covered (Europe/Paris days as instants; with {@code hours}, the days it resolved to). As CSV, the
     * groups.
     */
    record AccuracyResponse(AccuracyStore.Filter filter, TimeWindow window, int records, List<AccuracySummary> groups)
            implements TabularResponse<AccuracySummary> {

        @Override
        public List<AccuracySummary> tableRows() {
            return groups;
        }
    }

    /** The issuance's state and what it issued: forecasts and steps per horizon, series covered. */
    record IssuanceResponse(ForecastIssuer.Status status, Map<Integer, Long> forecastsByHorizon,
                            Map<Integer, Long> stepsByHorizon, List<String> series, long openForecasts) {
    }

    @Operation(summary = "Realised accuracy of issued forecasts",
            description = "Accuracy per series, horizon and algorithm over the scored steps the filters select "
                    + "(series, horizon in days, model, from/to local dates, or hours=H: the H hours ending at the end "
                    + "of the last scored target day, in whole days; not with from/to). The answer echoes the window; "
                    + "as CSV (Accept: text/csv), one row per group.")
    @GetMapping("/accuracy")
    AccuracyResponse accuracy(
            @Parameter(description = "A series id; its daily series is used", example = "gas:53:sim:P1D")
            @RequestParam(required = false) @Nullable String series,
            @Parameter(description = "Horizon in days", example = "1")
            @RequestParam(required = false) @Nullable String horizon,
            @Parameter(description = "Algorithm id", example = "random-forest")
            @RequestParam(required = false) @Nullable String model,
            @Parameter(description = "First target day (local date)", example = "2024-04-01")
            @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "Last target day (local date)", example = "2024-04-30")
            @RequestParam(required = false) @Nullable String to,
            @Parameter(description = "The H hours ending at the end of the last scored target day, in whole days "
                    + "(hours=24: that day; hours=168: its week)", example = "168")
            @RequestParam(required = false) @Nullable Integer hours) {
        TimeWindow.requireExclusive(from, to, hours, null);
        var errors = new ArrayList<ProblemError>();
        String dailySeries = series(series, errors);
        Integer horizonDays = null;
        if (horizon != null && !horizon.isBlank()) {
            try {
                horizonDays = Integer.parseInt(horizon.trim());
            } catch (NumberFormatException e) {
                errors.add(ProblemError.field("horizon", horizon, "must be a number of days"));
            }
        }
        LocalDate fromDay = day("from", from, errors);
        LocalDate toDay = day("to", to, errors);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.add(ProblemError.field("to", to, "must not be before from"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("invalid-accuracy-query", "invalid accuracy query", errors);
        }
        String algorithm = model == null || model.isBlank() ? null : model.trim();
        if (hours != null) {
            // Target days are local days: the H hours ending where the last scored day ends, rounded up to whole days.
            var last = accuracy.lastTargetDate(new AccuracyStore.Filter(dailySeries, horizonDays, algorithm, null, null));
            if (last.isPresent()) {
                toDay = last.get();
                fromDay = toDay.minusDays((hours + 23L) / 24 - 1);
            }
        }
        var filter = new AccuracyStore.Filter(dailySeries, horizonDays, algorithm, fromDay, toDay);
        var window = dayWindow(fromDay, toDay, hours);
        var records = accuracy.find(filter);
        return new AccuracyResponse(filter, window, records.size(), AccuracySummary.of(records));
    }

    @Operation(summary = "Issuance state",
            description = "The scheduled issuance's state and what it issued: forecasts and steps per horizon, series "
                    + "covered, open forecasts.")
    @GetMapping("/issuance")
    IssuanceResponse issuance() {
        var counts = issues.counts();
        return new IssuanceResponse(issuer.status(), counts.forecastsByHorizon(), counts.stepsByHorizon(),
                counts.series(), counts.open());
    }

    /** The latest issued forecast of a series and horizon (1 when absent). */
    @Operation(summary = "Latest issued forecast",
            description = "The latest issued forecast of a series and horizon in days (1 when absent); 404 when none "
                    + "was issued.")
    @GetMapping("/issued/latest")
    IssuedForecast latest(
            @Parameter(description = "A series id (required); its daily series is used", example = "gas:53:sim:P1D")
            @RequestParam(required = false) @Nullable String series,
            @Parameter(description = "Horizon in days", example = "1")
            @RequestParam(required = false, defaultValue = "1") String horizon) {
        var errors = new ArrayList<ProblemError>();
        String dailySeries = requiredSeries(series, errors);
        int horizonDays = horizon(horizon, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("invalid-request", "invalid issued-forecast query", errors);
        }
        int h = horizonDays;
        return issues.latest(dailySeries, h).orElseThrow(() -> ProblemException.notFound("issued forecast",
                dailySeries + " h" + h));
    }

    /**
     * The forecast of each target day beside its actual; {@code window} the target days covered (Europe/Paris days as
     * instants). As CSV, the days.
     */
    record ForecastDaysResponse(String series, int horizonDays, TimeWindow window, List<ForecastDay> days)
            implements TabularResponse<ForecastDay> {

        @Override
        public List<ForecastDay> tableRows() {
            return days;
        }
    }

    @Operation(summary = "Issued forecasts per target day, beside the actuals",
            description = "For each target day in the window, the step of the freshest issued forecast of the series "
                    + "and horizon that covers it (latest base day, then latest issue): lead, point, 80 % and 95 % "
                    + "intervals, the Paris day's bounds as instants, and the actual energy with its error and interval "
                    + "hits once scored. Window: from/to local dates, or hours=H: the H hours ending at the end of the "
                    + "series' last base day, in whole days, plus the horizon's days after it (what a chart of the last "
                    + "H hours shows beside its forecast). As CSV (Accept: text/csv), one row per day.")
    @GetMapping("/issued/days")
    ForecastDaysResponse days(
            @Parameter(description = "A series id (required); its daily series is used",
                    example = "electricity:FR:odre:PT30M")
            @RequestParam(required = false) @Nullable String series,
            @Parameter(description = "Horizon in days of the forecasts read", example = "1")
            @RequestParam(required = false, defaultValue = "1") String horizon,
            @Parameter(description = "First target day (local date)", example = "2024-04-01")
            @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "Last target day (local date)", example = "2024-04-30")
            @RequestParam(required = false) @Nullable String to,
            @Parameter(description = "The H hours ending at the end of the last base day, in whole days, and the "
                    + "horizon after it", example = "168")
            @RequestParam(required = false) @Nullable Integer hours) {
        TimeWindow.requireExclusive(from, to, hours, null);
        var errors = new ArrayList<ProblemError>();
        String dailySeries = requiredSeries(series, errors);
        int horizonDays = horizon(horizon, errors);
        LocalDate fromDay = day("from", from, errors);
        LocalDate toDay = day("to", to, errors);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.add(ProblemError.field("to", to, "must not be before from"));
        }
        if (fromDay == null && toDay == null && hours == null && errors.isEmpty()) {
            errors.add(ProblemError.field("hours", null, "give from/to or hours"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("invalid-request", "invalid forecast-days query", errors);
        }
        if (hours != null) {
            var last = issues.lastBaseDay(dailySeries);
            if (last.isEmpty()) {
                return new ForecastDaysResponse(dailySeries, horizonDays, new TimeWindow(null, null, hours), List.of());
            }
            // In long: hours near the int's maximum overflowed into a window that started after it ended.
            fromDay = last.get().minusDays((hours + 23L) / 24 - 1);
            toDay = last.get().plusDays(horizonDays);
        }
        var forecasts = issues.covering(dailySeries, horizonDays, fromDay, toDay);
        var scored = new HashMap<String, AccuracyRecord>();
        for (AccuracyRecord r : accuracy.find(new AccuracyStore.Filter(dailySeries, horizonDays, null, fromDay,
                toDay))) {
            scored.put(r.id(), r);
        }
        var window = dayWindow(fromDay, toDay, hours);
        return new ForecastDaysResponse(dailySeries, horizonDays, window,
                ForecastDay.freshest(forecasts, scored, fromDay, toDay, TimeWindow.PARIS));
    }

    /** Local days {@code from}..{@code to} as the instants of their Paris bounds. */
    private static TimeWindow dayWindow(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable Integer hours) {
        return new TimeWindow(from == null ? null : from.atStartOfDay(TimeWindow.PARIS).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(TimeWindow.PARIS).toInstant(), hours);
    }

    /** A series id that must be given: its daily series, or an error naming the field. */
    private static @Nullable String requiredSeries(@Nullable String series, List<ProblemError> errors) {
        String dailySeries = series(series, errors);
        if (dailySeries == null && errors.isEmpty()) {
            errors.add(ProblemError.field("series", series, "required"));
        }
        return dailySeries;
    }

    /** A horizon of at least one day, or an error naming the field (0 then). */
    private static int horizon(String horizon, List<ProblemError> errors) {
        int days;
        try {
            days = Integer.parseInt(horizon.trim());
        } catch (NumberFormatException e) {
            days = 0;
        }
        if (days < 1) {
            errors.add(ProblemError.field("horizon", horizon, "must be a number of days, 1 or more"));
        }
        return days;
    }

    private static @Nullable String series(@Nullable String series, List<ProblemError> errors) {
        if (series == null || series.isBlank()) {
            return null;
        }
        try {
            return DailySeriesIds.daily(series.trim());
        } catch (IllegalArgumentException e) {
            errors.add(ProblemError.field("series", series, e.getMessage()));
            return null;
        }
    }

    private static @Nullable LocalDate day(String field, @Nullable String value, List<ProblemError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(ProblemError.field(field, value, "must be a local date such as 2024-03-31"));
            return null;
        }
        if (!TimeWindow.storableYear(day.getYear())) {
            // Days are stored as ISO text: +99999-01-01 would sort before 2024 and select the wrong forecasts.
            errors.add(ProblemError.field(field, value, TimeWindow.STORABLE_YEARS));
            return null;
        }
        return day;
    }
}
