package io.energywatch.drift.analysis;

import io.energywatch.analytics.drift.CurrentWindow;
import io.energywatch.analytics.drift.DriftAnalysis;
import io.energywatch.analytics.drift.DriftAnalyzer;
import io.energywatch.analytics.drift.FeatureDrift;
import io.energywatch.analytics.registry.FeatureProfile;
import io.energywatch.analytics.registry.ModelVersion;
import io.energywatch.contracts.ModelRunCompleted.RunKind;
import io.energywatch.drift.config.DriftProperties;
import io.energywatch.drift.reports.DriftReport;
import io.energywatch.drift.watch.ModelScopes;
import io.energywatch.drift.window.EnrichedWindow;
import io.energywatch.drift.window.WindowScope;
import io.energywatch.service.carbon.ModelRuns;
import io.energywatch.service.observability.EnergyWatchMeters;
import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A drift run, whatever started it: a model version's reference profiles against a window of enriched data, or one
 * uploaded sample against another. The run analyses, then hands the report to the recorder (store, event, index).
 * Every run, light, full, on demand or uploaded, is a measured model run of the model it checks (energy, CO2).
 */
@Component
public class DriftRuns {

    private final DriftAnalyzer analyzer;
    private final ReferenceProfiles references;
    private final EnrichedWindow window;
    private final ReportRecorder recorder;
    private final DriftProperties properties;
    private final RecommendedActions actions;
    private final SmallSampleGuard guard;
    private final Clock clock;
    private final ModelRuns modelRuns;
    private final MeterRegistry meters;

    DriftRuns(DriftAnalyzer analyzer, ReferenceProfiles references, EnrichedWindow window, ReportRecorder recorder,
              DriftProperties properties, Clock clock, ModelRuns modelRuns, MeterRegistry meters) {
        this.analyzer = analyzer;
        this.references = references;
        this.window = window;
        this.recorder = recorder;
        this.properties = properties;
        this.actions = new RecommendedActions(properties.actions());
        this.guard = new SmallSampleGuard(properties.schedule().minRowsWithoutTest(), properties.thresholds().alpha());
        this.clock = clock;
        this.modelRuns = modelRuns;
        this.meters = meters;
    }

    /**
     * A model version against the enriched rows of its scope whose interval starts in [from, to), at most
     * {@code maxRows}.
     */
    public DriftReport againstWindow(String modelId, @Nullable String version, Instant from, Instant to, int maxRows,
                                     DriftReport.Trigger trigger) {
        if (!from.isBefore(to)) {
            throw ProblemException.badRequest("invalid-request", "from must be before to",
                    List.of(ProblemError.field("from", from, "not before " + to)));
        }
        return againstWindow(references.version(modelId, version), from, to, maxRows, trigger);
    }

    /** A model version already read from its registry. */
    DriftReport againstWindow(ModelVersion model, Instant from, Instant to, int maxRows, DriftReport.Trigger trigger) {
        return timed(trigger, () -> modelRuns.measure(RunKind.DRIFT_RUN, model.modelId(), run -> {
            run.version(model.version());
            DriftReport report = againstWindowMeasured(model, from, to, maxRows, trigger);
            run.rows(report.currentRows());
            return report;
        }));
    }

    private DriftReport againstWindowMeasured(ModelVersion model, Instant from, Instant to, int maxRows,
                                              DriftReport.Trigger trigger) {
        long started = System.nanoTime();
        WindowScope scope = ModelScopes.of(model);
        CurrentWindow current = window.select(scope, from, to, maxRows);
        DriftAnalysis analysis = guard.apply(analyzer.analyse(model.featureProfiles(), current));
        var skipped = skipped(model.featureProfiles(), analysis, current);
        return recorder.record(report(model.modelId(), model.version(), trigger, from, to, analysis, skipped, started,
                scope));
    }

    /** The stream time of the model's scope in the window: where its runs end. */
    Optional<Instant> streamTime(ModelVersion model) {
        return window.streamTime(ModelScopes.of(model));
    }

    /** One uploaded sample against another with the same columns; the first is the reference. */
    public DriftReport uploaded(SampleCsv reference, SampleCsv current, @Nullable String modelId) {
        String model = modelId == null || modelId.isBlank() ? properties.upload().modelId() : modelId;
        return timed(DriftReport.Trigger.UPLOAD, () -> modelRuns.measure(RunKind.DRIFT_RUN, model, run -> {
            DriftReport report = uploadedMeasured(reference, current, model);
            run.version(report.modelVersion()).rows(report.currentRows());
            return report;
        }));
    }

    /** Times a run on {@code energywatch.drift.run} by trigger and outcome, a refused or failed run included. */
    private DriftReport timed(DriftReport.Trigger trigger, Supplier<DriftReport> run) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failed";
        try {
            DriftReport report = run.get();
            outcome = "succeeded";
            return report;
        } finally {
            sample.stop(EnergyWatchMeters.latency(EnergyWatchMeters.DRIFT_RUN, "one drift run")
                    .tag("trigger", trigger.name().toLowerCase(Locale.ROOT)).tag("outcome", outcome)
                    .register(meters));
        }
    }

    private DriftReport uploadedMeasured(SampleCsv reference, SampleCsv current, String model) {
        if (!reference.columns().equals(current.columns())) {
            throw ProblemException.badRequest("invalid-sample", "the two samples must have the same columns",
                    List.of(ProblemError.field("current", String.join(",", current.columns()),
                            "expected " + String.join(",", reference.columns()))));
        }
        long started = System.nanoTime();
        var upload = properties.upload();
        var profiles = new ArrayList<FeatureProfile>();
        Map<String, double[]> numeric = new HashMap<>();
        Map<String, List<String>> categorical = new HashMap<>();
        for (int c = 0; c < reference.columns().size(); c++) {
            String name = reference.columns().get(c);
            double[] referenceValues = reference.numeric(c);
            double[] currentValues = current.numeric(c);
            if (referenceValues != null && currentValues != null) {
                // The whole reference sample is the reservoir: the KS test is the plain two-sample test.
                profiles.add(FeatureProfile.numeric(name, referenceValues, upload.bins(),
                        Math.max(1, referenceValues.length), upload.seed()));
                numeric.put(name, currentValues);
            } else {
                profiles.add(FeatureProfile.categorical(name, reference.text(c)));
                categorical.put(name, current.text(c));
            }
        }
        var sample = new CurrentWindow(current.rows().size(), numeric, categorical);
        DriftAnalysis analysis = analyzer.analyse(profiles, sample);
        Instant now = clock.instant();
        return recorder.record(report(model, "upload", DriftReport.Trigger.UPLOAD, now, now, analysis,
                skipped(profiles, analysis, sample), started, null));
    }

    private DriftReport report(String modelId, String version, DriftReport.Trigger trigger, Instant from, Instant to,
                               DriftAnalysis analysis, List<String> skipped, long startedNanos,
                               @Nullable WindowScope scope) {
        var recommended = actions.of(modelId, scope, analysis.overallStatus(), analysis.features(), skipped);
        return new DriftReport(UUID.randomUUID().toString(), modelId, version, trigger, from, to, clock.instant(),
                analysis.overallStatus(), analysis.correction(), analysis.thresholds(), analysis.currentRows(),
                analysis.features(), skipped, false, false, (System.nanoTime() - startedNanos) / 1_000_000,
                scope == null ? null : scope.toString(), recommended, List.of());
    }

    private static List<String> skipped(List<FeatureProfile> profiles, DriftAnalysis analysis, CurrentWindow current) {
        Set<String> analysed = new HashSet<>();
        analysis.features().stream().map(FeatureDrift::feature).forEach(analysed::add);
        var reasons = new LinkedHashMap<String, String>();
        for (FeatureProfile p : profiles) {
            if (analysed.contains(p.feature())) {
                continue;
            }
            boolean observed = current.numeric().containsKey(p.feature())
                    || current.categorical().containsKey(p.feature());
            reasons.put(p.feature(), p.count() == 0 ? "no reference values"
                    : observed ? "no current values" : "not observed in the current data");
        }
        return reasons.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
    }
}
