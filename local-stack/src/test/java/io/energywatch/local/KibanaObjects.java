package io.energywatch.local;

import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code kibana/energywatch.ndjson}: the EnergyWatch data views, Lens visualizations and dashboards in the shape
 * of a Kibana 9.2 saved-objects export. Generated rather than hand-written because Lens state and {@code panelsJSON}
 * are JSON inside JSON strings with ids that must match across objects; {@link KibanaSavedObjectsTest} keeps the
 * committed file equal to this output and checks it against the real Elasticsearch mappings.
 */
final class KibanaObjects {

    /** The saved-object core version every 8.8+ export carries. */
    static final String CORE_MIGRATION_VERSION = "8.8.0";
    /**
     * The type versions of a 9.2 export. Kibana imports objects of these versions or older and migrates them; a
     * version newer than the running Kibana's is refused, so none is set higher than 9.2 knows.
     */
    static final Map<String, String> TYPE_MIGRATION_VERSIONS =
            Map.of("index-pattern", "8.0.0", "lens", "8.9.0", "dashboard", "10.2.0");
    static final String ID_PREFIX = "energywatch-";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RECORDS = "___records___";
    private static final String OPTIONS = "{\"useMargins\":true,\"syncColors\":false,\"syncCursor\":true,"
            + "\"syncTooltips\":false,\"hidePanelTitles\":false}";

    /**
     * A data view over the alias of energywatch.stores.indices named {@code index}; {@code slug} tells apart two views
     * of one alias placed in time by different fields.
     */
    record DataView(String slug, String index, String name, String timeField) {
        DataView(String index, String name, String timeField) {
            this(index, index, name, timeField);
        }

        String id() {
            return ID_PREFIX + "data-view-" + slug;
        }
    }

    /** A Lens column: its id in the layer and its state. */
    record Column(String id, Map<String, Object> state) {
        boolean bucketed() {
            return Boolean.TRUE.equals(state.get("isBucketed"));
        }
    }

    /** A layer of a Lens visualization over one data view. */
    record Layer(String id, DataView dataView, String seriesType, List<Column> columns) {
    }

    record Lens(String id, String title, String description, String type, List<Layer> layers,
                Map<String, Object> visualization) {
    }

    /** A panel of a dashboard: a Lens visualization at a place of the 48-column grid. */
    record Panel(Lens lens, int x, int y, int w, int h) {
    }

    record Dashboard(String id, String title, String description, List<Panel> panels) {
    }

    private final Map<String, String> aliases;

    /** @param aliases energywatch.stores.indices: alias by key */
    KibanaObjects(Map<String, String> aliases) {
        this.aliases = aliases;
    }

    // The data views: one per alias, each with the time field its documents are placed in time by.
    static final DataView ENRICHED = new DataView("enriched", "EnergyWatch enriched consumption", "intervalStart");
    static final DataView DAILY = new DataView("daily", "EnergyWatch daily aggregates", "date");
    static final DataView ANOMALIES = new DataView("anomalies", "EnergyWatch anomalies", "intervalStart");
    static final DataView FORECASTS = new DataView("forecasts", "EnergyWatch forecasts", "targetStart");
    static final DataView ACCURACY =
            new DataView("forecast-accuracy", "EnergyWatch forecast accuracy", "targetDate");
    static final DataView DRIFT = new DataView("drift", "EnergyWatch drift reports", "createdAt");
    static final DataView MODEL_RUNS = new DataView("model-runs", "EnergyWatch model runs", "trainedAt");
    /**
     * The same alias for the measured runs of every service (issue 16: one document per training, scoring batch,
     * backtest, issuance, drift run or ingestion job, with its duration, CPU, heap, status and carbon), which carry
     * {@code startedAt} rather than the forecaster versions' {@code trainedAt}.
     */
    static final DataView RUNS =
            new DataView("model-runs-telemetry", "model-runs", "EnergyWatch measured runs and carbon", "startedAt");
    static final List<DataView> DATA_VIEWS =
            List.of(ENRICHED, DAILY, ANOMALIES, FORECASTS, ACCURACY, DRIFT, MODEL_RUNS, RUNS);

    static List<Dashboard> dashboards() {
        return List.of(consumption(), anomalies(), forecasts(), accuracy(), drift(), modelRuns(), runsAndCarbon());
    }

    private static Dashboard consumption() {
        var power = lensXy("consumption-power-by-region", "Mean power by region (MW)",
                "Mean consumption power per time bucket, one line per region (top 10 by power).", "line",
                layer("l", ENRICHED, dateHistogram("x", "intervalStart", "auto"),
                        terms("region", "region", 10, "y"), metric("y", "average", "powerMw", "Mean power (MW)")),
                List.of());
        var temperature = lensXy("consumption-temperature-by-region", "Mean temperature by region (°C)",
                "Observed daily mean temperature joined to the consumption, per region.", "line",
                layer("l", ENRICHED, dateHistogram("x", "intervalStart", "auto"),
                        terms("region", "region", 10, "y"), metric("y", "average", "tempMeanC", "Mean temperature (°C)")),
                List.of());
        var energyAndWeather = lensXy("consumption-daily-energy-temperature", "Daily energy and temperature",
                "Energy of each local day (all series in the query) against its mean temperature and heating degree "
                        + "days, on the right axis.", "bar",
                List.of(layer("energy", DAILY, dateHistogram("x", "date", "1d"),
                                metric("energy", "sum", "energyMwhSum", "Energy (MWh)")),
                        layer("weather", DAILY, "line", dateHistogram("x-weather", "date", "1d"),
                                metric("temp", "average", "tempMeanC", "Mean temperature (°C)"),
                                metric("hdd", "average", "heatingDegreeDays", "Heating degree days"))),
                List.of(yConfig("temp", "right", null), yConfig("hdd", "right", null)));
        var byRegion = lensXy("consumption-energy-by-region", "Energy by region (MWh)",
                "Total energy of the period per region, from the daily aggregates.", "bar_horizontal",
                layer("l", DAILY, terms("x", "region", 20, "y"), metric("y", "sum", "energyMwhSum", "Energy (MWh)")),
                List.of());
        var total = lensMetric("consumption-total-energy", "Energy in the period (MWh)",
                "Sum of the enriched intervals' energy.",
                layer("l", ENRICHED, metric("m", "sum", "energyMwh", "Energy (MWh)")));
        var strikeDays = lensMetric("consumption-strike-intervals", "Intervals on strike days",
                "Consumption intervals that fall on a declared strike day (SNCF movements).",
                layer("l", ENRICHED, count("m", "Intervals on strike days", "strike : true")));
        var missingWeather = lensMetric("consumption-missing-weather", "Intervals without weather",
                "Intervals the weather join could not fill: a sign of a late or missing weather feed.",
                layer("l", ENRICHED, count("m", "Intervals without weather", "weatherMissing : true")));
        return new Dashboard(ID_PREFIX + "dashboard-consumption", "EnergyWatch · Consumption and weather by region",
                "Power and energy per region with the temperature they were observed with; filter on seriesId or "
                        + "region in the query bar.",
                List.of(new Panel(total, 0, 0, 16, 8), new Panel(strikeDays, 16, 0, 16, 8),
                        new Panel(missingWeather, 32, 0, 16, 8), new Panel(power, 0, 8, 24, 15),
                        new Panel(temperature, 24, 8, 24, 15), new Panel(energyAndWeather, 0, 23, 32, 15),
                        new Panel(byRegion, 32, 23, 16, 15)));
    }

    private static Dashboard anomalies() {
        var timeline = lensXy("anomalies-timeline-by-severity", "Anomalies over time by severity",
                "Detected anomalies per time bucket of their interval start, stacked by severity.", "bar_stacked",
                layer("l", ANOMALIES, dateHistogram("x", "intervalStart", "auto"),
                        terms("severity", "severity", 4, "y"), count("y", "Anomalies", null)),
                List.of());
        var byRegion = lensXy("anomalies-by-region", "Anomalies by region and severity",
                "Where the anomalies are: count per region, stacked by severity.", "bar_horizontal_stacked",
                layer("l", ANOMALIES, terms("x", "region", 20, "y"), terms("severity", "severity", 4, "y"),
                        count("y", "Anomalies", null)),
                List.of());
        var table = lensTable("anomalies-table", "Anomalies by series, severity and status",
                "Per series: how many anomalies of each severity and status, the highest score and the estimated "
                        + "cost impact.",
                layer("l", ANOMALIES, terms("series", "seriesId", 50, "count"), terms("severity", "severity", 4, "count"),
                        terms("status", "status", 4, "count"), count("count", "Anomalies", null),
                        metric("score", "max", "score", "Highest score"),
                        metric("cost", "sum", "costImpactEur", "Cost impact (EUR)"),
                        latest("last", "detectedAt", "Last detected")),
                "count");
        var byType = lensPie("anomalies-by-type", "Anomalies by type",
                "Spikes, drops, level shifts and the other anomaly types.",
                layer("l", ANOMALIES, terms("g", "type", 10, "m"), count("m", "Anomalies", null)));
        var urgentOpen = lensMetric("anomalies-open-urgent", "Open HIGH and CRITICAL anomalies",
                "Anomalies of severity HIGH or CRITICAL nobody has acknowledged, confirmed or dismissed yet.",
                layer("l", ANOMALIES, count("m", "Open HIGH/CRITICAL",
                        "status : \"OPEN\" and (severity : \"HIGH\" or severity : \"CRITICAL\")")));
        var falsePositives = lensMetric("anomalies-false-positives", "Marked false positive",
                "Anomalies operators marked as false positives: feedback the detector learns from.",
                layer("l", ANOMALIES, count("m", "False positives", "status : \"FALSE_POSITIVE\"")));
        var cost = lensMetric("anomalies-cost-impact", "Cost impact (EUR)",
                "Estimated cost of the deviations in the period.",
                layer("l", ANOMALIES, metric("m", "sum", "costImpactEur", "Cost impact (EUR)")));
        return new Dashboard(ID_PREFIX + "dashboard-anomalies", "EnergyWatch · Anomalies",
                "Detected anomalies: when, where, how severe, their status and cost.",
                List.of(new Panel(urgentOpen, 0, 0, 16, 8), new Panel(falsePositives, 16, 0, 16, 8),
                        new Panel(cost, 32, 0, 16, 8), new Panel(timeline, 0, 8, 32, 15),
                        new Panel(byType, 32, 8, 16, 15), new Panel(byRegion, 0, 23, 20, 18),
                        new Panel(table, 20, 23, 28, 18)));
    }

    private static Dashboard forecasts() {
        var withIntervals = lensXy("forecasts-vs-actual", "Forecast and 80/95 % intervals against the actual",
                "Daily forecast energy with its 80 % and 95 % prediction intervals, and the energy measured on the "
                        + "same day (daily aggregates). Filter one seriesId in the query bar.", "line",
                List.of(layer("forecast", FORECASTS, dateHistogram("x", "targetStart", "1d"),
                                metric("forecast", "average", "energyMwh", "Forecast (MWh)"),
                                metric("lower80", "average", "lower80Mwh", "Lower 80 % (MWh)"),
                                metric("upper80", "average", "upper80Mwh", "Upper 80 % (MWh)"),
                                metric("lower95", "average", "lower95Mwh", "Lower 95 % (MWh)"),
                                metric("upper95", "average", "upper95Mwh", "Upper 95 % (MWh)")),
                        layer("actual", DAILY, dateHistogram("x-actual", "date", "1d"),
                                metric("actual", "sum", "energyMwhSum", "Actual (MWh)"))),
                List.of(yConfig("forecast", "left", "#6092C0"), yConfig("lower80", "left", "#A6C5E0"),
                        yConfig("upper80", "left", "#A6C5E0"), yConfig("lower95", "left", "#D6E4F0"),
                        yConfig("upper95", "left", "#D6E4F0"), yConfig("actual", "left", "#E7664C")));
        var realised = lensXy("forecasts-realised", "Forecast against actual, once realised",
                "Each forecast day once its actual is known: forecast and actual energy side by side.", "line",
                layer("l", ACCURACY, dateHistogram("x", "targetDate", "1d"),
                        metric("forecast", "average", "forecastMwh", "Forecast (MWh)"),
                        metric("actual", "average", "actualMwh", "Actual (MWh)")),
                List.of());
        var byModel = lensTable("forecasts-by-model", "Forecasts issued by model",
                "Which models and algorithms issue the forecasts, how many days each, and the last issue.",
                layer("l", FORECASTS, terms("model", "modelId", 20, "count"), terms("algorithm", "algorithm", 10, "count"),
                        terms("basis", "weatherBasis", 5, "count"), count("count", "Forecast days", null),
                        latest("issued", "issuedAt", "Last issued")),
                "count");
        return new Dashboard(ID_PREFIX + "dashboard-forecasts", "EnergyWatch · Forecasts against the actual",
                "Forecasts with their prediction intervals beside the measured energy.",
                List.of(new Panel(withIntervals, 0, 0, 48, 18), new Panel(realised, 0, 18, 28, 15),
                        new Panel(byModel, 28, 18, 20, 15)));
    }

    private static Dashboard accuracy() {
        var errorOverTime = lensXy("accuracy-error-over-time", "Absolute error over time by algorithm",
                "Mean absolute error of the realised forecasts per target day, one line per algorithm.", "line",
                layer("l", ACCURACY, dateHistogram("x", "targetDate", "1d"), terms("algorithm", "algorithm", 10, "y"),
                        metric("y", "average", "absErrorMwh", "Mean absolute error (MWh)")),
                List.of());
        var byLead = lensXy("accuracy-error-by-lead", "Error by lead time",
                "Mean absolute error by the number of days between the forecast's base day and its target.", "bar",
                layer("l", ACCURACY, numberTerms("x", "leadDays", 15, "y"),
                        metric("y", "average", "absErrorMwh", "Mean absolute error (MWh)")),
                List.of());
        var table = lensTable("accuracy-by-model", "Accuracy by model and horizon",
                "Per model and horizon: realised forecasts, mean absolute and percentage error, and how many actuals "
                        + "fell inside the 80 % and 95 % intervals.",
                layer("l", ACCURACY, terms("model", "modelId", 30, "count"), numberTerms("horizon", "horizonDays", 10, "count"),
                        count("count", "Realised forecasts", null),
                        metric("mae", "average", "absErrorMwh", "Mean absolute error (MWh)"),
                        metric("pct", "average", "percentError", "Mean percentage error (%)"),
                        count("in80", "Inside the 80 % interval", "inside80 : true"),
                        count("in95", "Inside the 95 % interval", "inside95 : true")),
                "count");
        var inside80 = lensMetric("accuracy-inside-80", "Actuals inside the 80 % interval",
                "Realised forecasts whose actual fell inside the 80 % interval; compare with the count beside.",
                layer("l", ACCURACY, count("m", "Inside 80 %", "inside80 : true")));
        var realised = lensMetric("accuracy-realised", "Realised forecasts",
                "Forecast days whose actual is known.", layer("l", ACCURACY, count("m", "Realised forecasts", null)));
        var mae = lensMetric("accuracy-mae", "Mean absolute error (MWh)", "Over every realised forecast of the period.",
                layer("l", ACCURACY, metric("m", "average", "absErrorMwh", "Mean absolute error (MWh)")));
        return new Dashboard(ID_PREFIX + "dashboard-forecast-accuracy", "EnergyWatch · Forecast accuracy",
                "How good the realised forecasts were, per model, horizon and lead time.",
                List.of(new Panel(realised, 0, 0, 16, 8), new Panel(inside80, 16, 0, 16, 8), new Panel(mae, 32, 0, 16, 8),
                        new Panel(errorOverTime, 0, 8, 28, 15), new Panel(byLead, 28, 8, 20, 15),
                        new Panel(table, 0, 23, 48, 16)));
    }

    private static Dashboard drift() {
        var status = lensPie("drift-status", "Reports by overall status",
                "STABLE, SLIGHT, MODERATE or SIGNIFICANT drift of the reports in the period.",
                layer("l", DRIFT, terms("g", "overallStatus", 4, "m"), count("m", "Reports", null)));
        var overTime = lensXy("drift-status-over-time", "Drift status over time",
                "Drift reports per time bucket, stacked by overall status.", "bar_stacked",
                layer("l", DRIFT, dateHistogram("x", "createdAt", "auto"), terms("status", "overallStatus", 4, "y"),
                        count("y", "Reports", null)),
                List.of());
        var byModel = lensTable("drift-by-model", "Drift by model",
                "Per model and status: reports, the rows compared in the last window and the last report.",
                layer("l", DRIFT, terms("model", "modelId", 50, "count"), terms("status", "overallStatus", 4, "count"),
                        count("count", "Reports", null), metric("rows", "max", "currentRows", "Rows compared (max)"),
                        latest("last", "createdAt", "Last report")),
                "last");
        var actions = lensXy("drift-recommended-actions", "Recommended actions",
                "What the drift reports recommend (retrain, recalibrate, watch...).", "bar_horizontal",
                layer("l", DRIFT, terms("x", "recommendedActions.action", 10, "y"), count("y", "Reports", null)),
                List.of());
        var significant = lensMetric("drift-significant", "Significant drift reports",
                "Reports whose overall status is SIGNIFICANT: a model to retrain.",
                layer("l", DRIFT, count("m", "Significant", "overallStatus : \"SIGNIFICANT\"")));
        return new Dashboard(ID_PREFIX + "dashboard-drift", "EnergyWatch · Drift status",
                "Data drift of the models' features: the status of the reports and what they recommend.",
                List.of(new Panel(significant, 0, 0, 16, 8), new Panel(status, 16, 0, 32, 8),
                        new Panel(overTime, 0, 8, 28, 15), new Panel(actions, 28, 8, 20, 15),
                        new Panel(byModel, 0, 23, 48, 16)));
    }

    private static Dashboard modelRuns() {
        var mape = lensXy("model-runs-mape", "Validation MAPE of trained models",
                "Validation MAPE of each training run by its training time, one line per algorithm.", "line",
                layer("l", MODEL_RUNS, dateHistogram("x", "trainedAt", "auto"), terms("algorithm", "algorithm", 10, "y"),
                        metric("y", "average", "validation.mapePercent", "Validation MAPE (%)")),
                List.of());
        var table = lensTable("model-runs-by-model", "Training runs by model",
                "Per model and stage: runs, their mean validation MAPE and RMSE, the largest training set and the last "
                        + "training.",
                layer("l", MODEL_RUNS, terms("model", "modelId", 50, "runs"), terms("stage", "stage", 5, "runs"),
                        count("runs", "Runs", null),
                        metric("mape", "average", "validation.mapePercent", "Validation MAPE (%)"),
                        metric("rmse", "average", "validation.rmseMwh", "Validation RMSE (MWh)"),
                        metric("rows", "max", "trainingRows", "Training rows (max)"),
                        latest("last", "trainedAt", "Last trained")),
                "last");
        var triggers = lensPie("model-runs-triggers", "Why models were trained",
                "Training runs by trigger: schedule, drift, a request...",
                layer("l", MODEL_RUNS, terms("g", "trigger", 10, "m"), count("m", "Runs", null)));
        var stages = lensXy("model-runs-by-algorithm", "Runs by algorithm and stage",
                "Training runs per algorithm, stacked by the stage the version reached (promoted, rejected, retired).",
                "bar_stacked",
                layer("l", MODEL_RUNS, terms("x", "algorithm", 10, "y"), terms("stage", "stage", 5, "y"),
                        count("y", "Runs", null)),
                List.of());
        var champions = lensMetric("model-runs-champions", "Champion versions",
                "Model versions serving as champion.",
                layer("l", MODEL_RUNS, count("m", "Champions", "champion : true")));
        var rows = lensMetric("model-runs-training-rows", "Mean training rows",
                "Rows a training run learned from, on average.",
                layer("l", MODEL_RUNS, metric("m", "average", "trainingRows", "Training rows")));
        return new Dashboard(ID_PREFIX + "dashboard-model-runs", "EnergyWatch · Model runs",
                "Forecaster training runs: validation quality, why they ran and what became of them.",
                List.of(new Panel(champions, 0, 0, 16, 8), new Panel(rows, 16, 0, 16, 8),
                        new Panel(triggers, 32, 0, 16, 16), new Panel(mape, 0, 8, 32, 15),
                        new Panel(stages, 32, 16, 16, 15), new Panel(table, 0, 31, 48, 16)));
    }

    private static Dashboard runsAndCarbon() {
        var co2 = lensMetric("runs-co2", "CO2 emitted (g)",
                "CO2 of the measured runs: their energy times the grid's carbon intensity (CodeCarbon's method).",
                layer("l", RUNS, metric("m", "sum", "co2Grams", "CO2 (g)")));
        var energy = lensMetric("runs-energy", "Energy used (kWh)",
                "CPU and memory energy of the measured runs, times the PUE.",
                layer("l", RUNS, metric("m", "sum", "energyKwh", "Energy (kWh)")));
        var failed = lensMetric("runs-failed", "Failed runs",
                "Runs that ended with an error; the table below says which model and the pie which error.",
                layer("l", RUNS, count("m", "Failed runs", "status : \"FAILED\"")));
        var duration = lensXy("runs-duration-by-kind", "Run duration by kind (s)",
                "Mean duration of trainings, scoring batches, backtests, issuances, drift runs and ingestion jobs.",
                "line",
                layer("l", RUNS, dateHistogram("x", "startedAt", "auto"), terms("kind", "kind", 6, "y"),
                        metric("y", "average", "durationSeconds", "Mean duration (s)")),
                List.of());
        var cpu = lensXy("runs-cpu-by-service", "CPU time by service (s)",
                "CPU seconds the runs of each service used, stacked by run kind.", "bar_horizontal_stacked",
                layer("l", RUNS, terms("x", "service", 10, "y"), terms("kind", "kind", 6, "y"),
                        metric("y", "sum", "cpuSeconds", "CPU time (s)")),
                List.of());
        var heap = lensXy("runs-peak-heap-by-service", "Peak heap by service",
                "The largest JVM heap a run of each service reached, per time bucket.", "line",
                layer("l", RUNS, dateHistogram("x", "startedAt", "auto"), terms("service", "service", 10, "y"),
                        formatted(metric("y", "max", "peakHeapBytes", "Peak heap"), "bytes")),
                List.of());
        var perModel = lensXy("runs-status-by-model", "Runs and failures per model",
                "Measured runs of each model, stacked by status: the errors per model.", "bar_horizontal_stacked",
                layer("l", RUNS, terms("x", "modelId", 15, "y"), terms("status", "status", 2, "y"),
                        count("y", "Runs", null)),
                List.of());
        var errors = lensPie("runs-errors-by-type", "Errors by type",
                "The exception classes failed runs ended with.",
                layer("l", RUNS, terms("g", "errorType", 10, "m"), count("m", "Failed runs", "status : \"FAILED\"")));
        var carbonOverTime = lensXy("runs-co2-over-time", "CO2 over time by service (g)",
                "CO2 of the runs per time bucket, stacked by service.", "bar_stacked",
                layer("l", RUNS, dateHistogram("x", "startedAt", "auto"), terms("service", "service", 10, "y"),
                        metric("y", "sum", "co2Grams", "CO2 (g)")),
                List.of());
        var table = lensTable("runs-by-model", "Measured runs by model and kind",
                "Per model and kind: runs, failures, mean duration, CPU time, peak heap, rows, energy and CO2.",
                layer("l", RUNS, terms("model", "modelId", 50, "co2"), terms("kind", "kind", 6, "co2"),
                        count("runs", "Runs", null), count("failed", "Failed", "status : \"FAILED\""),
                        metric("duration", "average", "durationSeconds", "Mean duration (s)"),
                        metric("cpu", "sum", "cpuSeconds", "CPU time (s)"),
                        formatted(metric("heap", "max", "peakHeapBytes", "Peak heap"), "bytes"),
                        metric("rows", "sum", "rows", "Rows"),
                        metric("energy", "sum", "energyKwh", "Energy (kWh)"),
                        metric("co2", "sum", "co2Grams", "CO2 (g)")),
                "co2");
        return new Dashboard(ID_PREFIX + "dashboard-runs-carbon", "EnergyWatch · Run telemetry and carbon",
                "Every measured run of the platform's models and jobs: duration, CPU, memory, errors per model, and "
                        + "the energy and CO2 they cost.",
                List.of(new Panel(co2, 0, 0, 16, 8), new Panel(energy, 16, 0, 16, 8), new Panel(failed, 32, 0, 16, 8),
                        new Panel(duration, 0, 8, 24, 15), new Panel(heap, 24, 8, 24, 15),
                        new Panel(cpu, 0, 23, 24, 15), new Panel(carbonOverTime, 24, 23, 24, 15),
                        new Panel(perModel, 0, 38, 28, 16), new Panel(errors, 28, 38, 20, 16),
                        new Panel(table, 0, 54, 48, 16)));
    }

    // --- Lens columns ---

    private static Column dateHistogram(String id, String field, String interval) {
        return new Column(id, map("label", field, "dataType", "date", "operationType", "date_histogram",
                "sourceField", field, "isBucketed", true, "scale", "interval",
                "params", map("interval", interval, "includeEmptyRows", true, "dropPartials", false)));
    }

    /** Top {@code size} values of the keyword {@code field}, ordered by the metric column {@code orderBy}. */
    private static Column terms(String id, String field, int size, String orderBy) {
        return terms(id, field, "string", size, orderBy);
    }

    /** Top values of a numeric field (days, hours): Lens keeps its number format. */
    private static Column numberTerms(String id, String field, int size, String orderBy) {
        return terms(id, field, "number", size, orderBy);
    }

    private static Column terms(String id, String field, String dataType, int size, String orderBy) {
        return new Column(id, map("label", "Top " + size + " values of " + field, "dataType", dataType,
                "operationType", "terms", "sourceField", field, "isBucketed", true, "scale", "ordinal",
                "params", map("size", size, "orderBy", map("type", "column", "columnId", orderBy),
                        "orderDirection", "desc", "otherBucket", true, "missingBucket", false,
                        "parentFormat", map("id", "terms"), "include", List.of(), "exclude", List.of(),
                        "includeIsRegex", false, "excludeIsRegex", false)));
    }

    private static Column metric(String id, String operation, String field, String label) {
        var state = map("label", label, "customLabel", true, "dataType", "number", "operationType", operation,
                "sourceField", field, "isBucketed", false, "scale", "ratio", "params", map("emptyAsNull", true));
        return new Column(id, state);
    }

    /** {@code column} shown with one of Kibana's number formats (bytes, percent...). */
    private static Column formatted(Column column, String format) {
        @SuppressWarnings("unchecked")
        var params = (Map<String, Object>) column.state().get("params");
        params.put("format", map("id", format, "params", map("decimals", 1)));
        return column;
    }

    /** The latest value of a date field in the bucket (when something last happened). */
    private static Column latest(String id, String field, String label) {
        return new Column(id, map("label", label, "customLabel", true, "dataType", "date", "operationType", "max",
                "sourceField", field, "isBucketed", false, "scale", "ratio", "params", map("emptyAsNull", true)));
    }

    /** Documents of the bucket, only those matching the KQL {@code filter} when it is given. */
    private static Column count(String id, String label, String filter) {
        var state = map("label", label, "customLabel", true, "dataType", "number", "operationType", "count",
                "sourceField", RECORDS, "isBucketed", false, "scale", "ratio", "params", map("emptyAsNull", false));
        if (filter != null) {
            state.put("filter", map("query", filter, "language", "kuery"));
        }
        return new Column(id, state);
    }

    private static Layer layer(String id, DataView dataView, Column... columns) {
        return new Layer(id, dataView, null, List.of(columns));
    }

    /** A layer of an XY chart drawn as {@code seriesType} (line, bar...) instead of the chart's own. */
    private static Layer layer(String id, DataView dataView, String seriesType, Column... columns) {
        return new Layer(id, dataView, seriesType, List.of(columns));
    }

    // --- Lens visualizations ---

    private static Lens lensXy(String id, String title, String description, String seriesType, Layer layer,
                               List<Map<String, Object>> yConfig) {
        return lensXy(id, title, description, seriesType, List.of(layer), yConfig);
    }

    private static Lens lensXy(String id, String title, String description, String seriesType, List<Layer> layers,
                               List<Map<String, Object>> yConfig) {
        var xyLayers = new ArrayList<Object>();
        for (Layer layer : layers) {
            var buckets = layer.columns().stream().filter(Column::bucketed).map(Column::id).toList();
            var accessors = layer.columns().stream().filter(c -> !c.bucketed()).map(Column::id).toList();
            var xyLayer = map("layerId", layer.id(), "layerType", "data",
                    "seriesType", layer.seriesType() == null ? seriesType : layer.seriesType(),
                    "xAccessor", buckets.getFirst(), "accessors", accessors);
            if (buckets.size() > 1) {
                xyLayer.put("splitAccessor", buckets.get(1));
            }
            var own = yConfig.stream().filter(y -> accessors.contains(y.get("forAccessor"))).toList();
            if (!own.isEmpty()) {
                xyLayer.put("yConfig", own);
            }
            xyLayers.add(xyLayer);
        }
        var visualization = map("legend", map("isVisible", true, "position", "right"), "valueLabels", "hide",
                "fittingFunction", "None", "preferredSeriesType", seriesType,
                "axisTitlesVisibilitySettings", map("x", true, "yLeft", true, "yRight", true),
                "tickLabelsVisibilitySettings", map("x", true, "yLeft", true, "yRight", true),
                "gridlinesVisibilitySettings", map("x", true, "yLeft", true, "yRight", true),
                "labelsOrientation", map("x", 0, "yLeft", 0, "yRight", 0),
                "yLeftExtent", map("mode", "full"), "yRightExtent", map("mode", "full"), "layers", xyLayers);
        return new Lens(ID_PREFIX + "lens-" + id, title, description, "lnsXY", layers, visualization);
    }

    /** A series on the left or right axis, in {@code color} when it is given. */
    private static Map<String, Object> yConfig(String accessor, String axis, String color) {
        var y = map("forAccessor", accessor, "axisMode", axis);
        if (color != null) {
            y.put("color", color);
        }
        return y;
    }

    private static Lens lensMetric(String id, String title, String description, Layer layer) {
        var visualization = map("layerId", layer.id(), "layerType", "data", "metricAccessor",
                layer.columns().getFirst().id());
        return new Lens(ID_PREFIX + "lens-" + id, title, description, "lnsMetric", List.of(layer), visualization);
    }

    private static Lens lensTable(String id, String title, String description, Layer layer, String sortBy) {
        var columns = layer.columns().stream().map(c -> (Object) map("columnId", c.id(), "isTransposed", false))
                .toList();
        var visualization = map("layerId", layer.id(), "layerType", "data", "columns", columns,
                "rowHeight", "single", "headerRowHeight", "single",
                "sorting", map("columnId", sortBy, "direction", "desc"));
        return new Lens(ID_PREFIX + "lens-" + id, title, description, "lnsDatatable", List.of(layer), visualization);
    }

    private static Lens lensPie(String id, String title, String description, Layer layer) {
        var groups = layer.columns().stream().filter(Column::bucketed).map(Column::id).toList();
        var metrics = layer.columns().stream().filter(c -> !c.bucketed()).map(Column::id).toList();
        var visualization = map("shape", "donut", "layers", List.of(map("layerId", layer.id(), "layerType", "data",
                "primaryGroups", groups, "metrics", metrics, "numberDisplay", "percent", "categoryDisplay", "default",
                "legendDisplay", "default", "nestedLegend", false)));
        return new Lens(ID_PREFIX + "lens-" + id, title, description, "lnsPie", List.of(layer), visualization);
    }

    // --- Saved objects ---

    /** The NDJSON file: data views, then visualizations, then dashboards, then the export summary line. */
    String ndjson() {
        var lines = new ArrayList<Map<String, Object>>();
        for (DataView view : DATA_VIEWS) {
            lines.add(dataView(view));
        }
        var seen = new LinkedHashMap<String, Lens>();
        for (Dashboard dashboard : dashboards()) {
            for (Panel panel : dashboard.panels()) {
                seen.putIfAbsent(panel.lens().id(), panel.lens());
            }
        }
        seen.values().forEach(lens -> lines.add(lens(lens)));
        dashboards().forEach(dashboard -> lines.add(dashboard(dashboard)));
        var out = new StringBuilder();
        for (Map<String, Object> line : lines) {
            out.append(JSON.writeValueAsString(line)).append('\n');
        }
        out.append(JSON.writeValueAsString(map("excludedObjects", List.of(), "excludedObjectsCount", 0,
                "exportedCount", lines.size(), "missingRefCount", 0, "missingReferences", List.of()))).append('\n');
        return out.toString();
    }

    private Map<String, Object> dataView(DataView view) {
        String alias = aliases.get(view.index());
        if (alias == null) {
            throw new IllegalStateException("energywatch.stores.indices has no " + view.index());
        }
        return savedObject("index-pattern", view.id(), map("allowHidden", false, "fieldAttrs", "{}",
                "fieldFormatMap", "{}", "fields", "[]", "name", view.name(), "runtimeFieldMap", "{}",
                "sourceFilters", "[]", "timeFieldName", view.timeField(), "title", alias), List.of());
    }

    private static Map<String, Object> lens(Lens lens) {
        var layers = new LinkedHashMap<String, Object>();
        var references = new ArrayList<Map<String, Object>>();
        for (Layer layer : lens.layers()) {
            var columns = new LinkedHashMap<String, Object>();
            var order = new ArrayList<String>();
            // Buckets first, as Lens orders them: the outer grouping, then the metrics.
            layer.columns().stream().filter(Column::bucketed).forEach(c -> order.add(c.id()));
            layer.columns().stream().filter(c -> !c.bucketed()).forEach(c -> order.add(c.id()));
            layer.columns().forEach(c -> columns.put(c.id(), c.state()));
            layers.put(layer.id(), map("columns", columns, "columnOrder", order, "incompleteColumns", map(),
                    "sampling", 1));
            references.add(reference("index-pattern", layer.dataView().id(),
                    "indexpattern-datasource-layer-" + layer.id()));
        }
        var state = map("datasourceStates", map("formBased", map("layers", layers)),
                "visualization", lens.visualization(), "query", map("query", "", "language", "kuery"),
                "filters", List.of(), "internalReferences", List.of(), "adHocDataViews", map());
        return savedObject("lens", lens.id(), map("description", lens.description(), "state", state,
                "title", lens.title(), "visualizationType", lens.type()), references);
    }

    private static Map<String, Object> dashboard(Dashboard dashboard) {
        var panels = new ArrayList<Object>();
        var references = new ArrayList<Map<String, Object>>();
        int n = 0;
        for (Panel panel : dashboard.panels()) {
            String index = "p" + (++n);
            panels.add(map("type", "lens", "gridData", map("x", panel.x(), "y", panel.y(), "w", panel.w(),
                            "h", panel.h(), "i", index), "panelIndex", index,
                    "embeddableConfig", map("enhancements", map()), "panelRefName", "panel_" + index));
            references.add(reference("lens", panel.lens().id(), index + ":panel_" + index));
        }
        String searchSource = JSON.writeValueAsString(map("query", map("query", "", "language", "kuery"),
                "filter", List.of()));
        return savedObject("dashboard", dashboard.id(), map("description", dashboard.description(),
                "kibanaSavedObjectMeta", map("searchSourceJSON", searchSource), "optionsJSON", OPTIONS,
                "panelsJSON", JSON.writeValueAsString(panels),
                "refreshInterval", map("pause", false, "value", 60_000), "timeRestore", false,
                "title", dashboard.title()), references);
    }

    private static Map<String, Object> savedObject(String type, String id, Map<String, Object> attributes,
                                                   List<Map<String, Object>> references) {
        return map("attributes", attributes, "coreMigrationVersion", CORE_MIGRATION_VERSION, "id", id,
                "managed", false, "references", references, "type", type,
                "typeMigrationVersion", TYPE_MIGRATION_VERSIONS.get(type));
    }

    private static Map<String, Object> reference(String type, String id, String name) {
        return map("id", id, "name", name, "type", type);
    }

    /** An ordered map of alternating keys and values, so the file's key order is stable. */
    private static Map<String, Object> map(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values: " + Arrays.toString(keysAndValues));
        }
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
