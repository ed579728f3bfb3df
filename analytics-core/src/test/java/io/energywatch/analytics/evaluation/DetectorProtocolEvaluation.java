package io.energywatch.analytics.evaluation;

import io.energywatch.analytics.anomaly.Detection;
import io.energywatch.analytics.anomaly.DetectorConfig;
import io.energywatch.analytics.anomaly.Observation;
import io.energywatch.analytics.anomaly.StreamingDetector;
import io.energywatch.analytics.ensemble.ContextAnomalyDetector;
import io.energywatch.analytics.ensemble.ContextEnsembleConfig;
import io.energywatch.analytics.ensemble.ContextEnsembleDetector;
import io.energywatch.analytics.ensemble.EnsembleConfig;
import io.energywatch.analytics.ensemble.EnsembleDetector;
import io.energywatch.analytics.nab.NabCorpus;
import io.energywatch.analytics.nab.NabCostProfile;
import io.energywatch.analytics.nab.NabScorer;
import io.energywatch.analytics.nab.NabSeries;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Function;

/**
 * The detector evaluation under the leave-one-category-out protocol ({@link LeaveOneCategoryOut}): today's streaming
 * detector and the ensemble, each with its small fixed candidate grid, in-sample and held-out side by side, then the
 * ensemble's ablations (each member removed, under the same protocol); then the context ensemble (streaming + CAD
 * OSE) and its ablations. Not a test: {@code bench/run detect-eval} or
 * {@code java -cp ... io.energywatch.analytics.evaluation.DetectorProtocolEvaluation ../shared/datasets/nab
 * [--no-ablations] [--context-only] [--combinations] [--with DIR]... [--fresh DIR]}: {@code --with} adds a NAB-layout
 * folder's categories to the corpus, {@code --fresh} scores a never-seen one.
 */
public final class DetectorProtocolEvaluation {

    /** NAB's swept threshold, and the product's anomaly level where /detect and the stream flag a row. */
    private static final List<LeaveOneCategoryOut.ThresholdRule> RULES = List.of(
            LeaveOneCategoryOut.ThresholdRule.SWEPT, LeaveOneCategoryOut.ThresholdRule.fixedAt(0.5));

    private DetectorProtocolEvaluation() {
    }

    private static String label(LeaveOneCategoryOut.ThresholdRule rule) {
        return rule.swept() ? "swept" : String.valueOf(rule.fixed());
    }

    public static void main(String[] args) {
        List<String> options = List.of(args);
        int freshAt = options.indexOf("--fresh");
        if (freshAt >= 0 && freshAt + 1 >= args.length) {
            throw new IllegalArgumentException("--fresh needs a NAB-layout directory (data/, combined_windows.json)");
        }
        Path corpusDirectory = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0]
                : "../shared/datasets/nab");
        boolean ablations = !options.contains("--no-ablations");
        boolean contextOnly = options.contains("--context-only");
        List<NabSeries> corpus = new ArrayList<>(NabCorpus.read(corpusDirectory));
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--with")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--with needs a NAB-layout directory");
                }
                corpus.addAll(NabCorpus.read(Path.of(args[++i])));
            }
        }
        List<NabCostProfile> profiles = NabCostProfile.read(corpusDirectory.resolve("profiles.json"));
        System.out.printf(Locale.ROOT, "NAB corpus %s: %d series in %d categories, %d windows%n", corpusDirectory,
                corpus.size(), LeaveOneCategoryOut.folds(corpus).size(),
                corpus.stream().mapToInt(s -> s.windows().size()).sum());
        var protocol = new LeaveOneCategoryOut(new NabScorer());
        if (freshAt >= 0) {
            fresh(corpus, profiles, Path.of(args[freshAt + 1]));
            return;
        }
        if (options.contains("--combinations")) {
            combinations(corpus);
            return;
        }
        if (options.contains("--whole-series")) {
            for (LeaveOneCategoryOut.ThresholdRule rule : RULES) {
                run(new LeaveOneCategoryOut(new NabScorer(), rule), corpus, profiles,
                        "CAD OSE over the series' range (/detect's default), threshold " + label(rule),
                        List.of(wholeSeries()), true);
            }
            return;
        }
        List<Row> rows = new ArrayList<>();
        if (!contextOnly) {
            rows.add(run(protocol, corpus, profiles, "streaming (today's /detect), its grid", streamingGrid(), true));
            rows.add(run(protocol, corpus, profiles, "streaming (today's /detect), defaults only",
                    streamingGrid().subList(0, 1), false));
            rows.add(run(protocol, corpus, profiles, "ensemble", ensembleGrid(EnsembleConfig.Members.ALL), true));
        }
        if (ablations && !contextOnly) {
            rows.add(run(protocol, corpus, profiles, "ensemble without streaming",
                    ensembleGrid(new EnsembleConfig.Members(false, true, true)), false));
            rows.add(run(protocol, corpus, profiles, "ensemble without forest",
                    ensembleGrid(new EnsembleConfig.Members(true, false, true)), false));
            rows.add(run(protocol, corpus, profiles, "ensemble without entropy",
                    ensembleGrid(new EnsembleConfig.Members(true, true, false)), false));
        }
        // Round 1, the grid fixed before any held-out number: CAD OSE with the original's rest period.
        var base = ContextEnsembleConfig.defaults().withZone(ZoneId.of("UTC"));
        var resting = new ContextMembers(base, 150);
        var restless = new ContextMembers(base, 0);
        rows.add(run(protocol, corpus, profiles, "context ensemble (streaming + CAD OSE), round 1",
                contextGrid(resting, ContextEnsembleConfig.Members.BOTH), true));
        if (ablations) {
            rows.add(run(protocol, corpus, profiles, "round 1 without streaming (CAD OSE alone)",
                    contextGrid(resting, new ContextEnsembleConfig.Members(false, true)).subList(0, 1), true));
            rows.add(run(protocol, corpus, profiles, "context ensemble without CAD OSE",
                    contextGrid(resting, new ContextEnsembleConfig.Members(true, false)).subList(0, 1), false));
            // The episode logic's share: CAD OSE without its rest period (the grid as above).
            rows.add(run(protocol, corpus, profiles, "context ensemble, CAD OSE without its rest period",
                    contextGrid(restless, ContextEnsembleConfig.Members.BOTH), true));
        }
        // Round 2, designed after the row above had been seen (so its held-out score is optimistic by that choice):
        // the rest period (150 rows or none) joins the grid, chosen per fold like the alarm score.
        rows.add(run(protocol, corpus, profiles, "context ensemble, round 2 (rest 150 or 0 rows x alarm score)",
                round2Grid(resting, restless), true));
        if (ablations) {
            rows.add(run(protocol, corpus, profiles, "round 2 without streaming (CAD OSE alone, no rest)",
                    contextGrid(restless, new ContextEnsembleConfig.Members(false, true)).subList(0, 1), false));
        }
        System.out.println();
        System.out.println("| detector | in-sample standard | held-out standard | in-sample low FP | held-out low FP "
                + "| in-sample low FN | held-out low FN |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Row r : rows) {
            var sb = new StringBuilder("| " + r.name);
            for (LeaveOneCategoryOut.Report report : r.reports) {
                sb.append(String.format(Locale.ROOT, " | %.2f | %.2f", report.inSample().normalized(),
                        report.heldOutScore()));
            }
            System.out.println(sb.append(" |"));
        }
    }

    private record Row(String name, List<LeaveOneCategoryOut.Report> reports) {
    }

    /**
     * Categories never looked at (NAB files beyond those of the datasets folder): each detector registered for this
     * test in docs/evaluation.md chooses its candidate and threshold on the training files and is scored on the fresh
     * ones, under both threshold rules (swept as NAB does, and fixed at the product's anomaly level 0.5); then the
     * leave-one-category-out protocol and the in-sample score over all the files together.
     */
    private static void fresh(List<NabSeries> corpus, List<NabCostProfile> profiles, Path freshDirectory) {
        List<NabSeries> fresh = NabCorpus.read(freshDirectory);
        List<NabSeries> all = new ArrayList<>(corpus);
        all.addAll(fresh);
        System.out.printf(Locale.ROOT, "fresh %s: %d series, %d rows, %d windows%n", freshDirectory, fresh.size(),
                fresh.stream().mapToInt(NabSeries::rows).sum(),
                fresh.stream().mapToInt(s -> s.windows().size()).sum());
        var base = ContextEnsembleConfig.defaults().withZone(ZoneId.of("UTC"));
        var resting = new ContextMembers(base, 150);
        var restless = new ContextMembers(base, 0);
        Map<String, List<LeaveOneCategoryOut.Candidate>> registered = new LinkedHashMap<>();
        registered.put("streaming (today's /detect), defaults only", streamingGrid().subList(0, 1));
        registered.put("streaming (today's /detect), its grid", streamingGrid());
        registered.put("context ensemble, round 1", contextGrid(resting, ContextEnsembleConfig.Members.BOTH));
        registered.put("context ensemble, round 2", round2Grid(resting, restless));
        registered.put("CAD OSE alone (round 1's members)",
                contextGrid(resting, new ContextEnsembleConfig.Members(false, true)).subList(0, 1));
        List<String> table = new ArrayList<>();
        for (var entry : registered.entrySet()) {
            long start = System.nanoTime();
            Map<String, Map<String, double[]>> scores = LeaveOneCategoryOut.scoreAll(all, entry.getValue());
            System.out.printf(Locale.ROOT, "%n== %s: %d candidates, %.1f s%n", entry.getKey(), entry.getValue().size(),
                    (System.nanoTime() - start) / 1e9);
            for (LeaveOneCategoryOut.ThresholdRule rule : RULES) {
                var protocol = new LeaveOneCategoryOut(new NabScorer(), rule);
                var row = new StringBuilder("| " + entry.getKey() + " | " + label(rule));
                var loco = new StringBuilder();
                for (NabCostProfile profile : profiles) {
                    LeaveOneCategoryOut.FoldResult f = protocol.scoreFresh(corpus, fresh, scores, profile);
                    LeaveOneCategoryOut.Report r = protocol.evaluate(all, scores, profile);
                    var h = f.heldOut();
                    System.out.printf(Locale.ROOT, "threshold %s, %s: fresh %s %.2f (chosen on the %d files: %s, "
                                    + "threshold %.4f, TP %d FP %d FN %d) | all %d files: held-out %.2f, in-sample "
                                    + "%.2f%n", rule, profile.name(), f.fold().heldOut(), h.normalized(),
                            corpus.size(), f.chosen(), f.threshold(), h.truePositives(), h.falsePositives(),
                            h.falseNegatives(), all.size(), r.heldOutScore(), r.inSample().normalized());
                    for (LeaveOneCategoryOut.FoldResult fold : r.folds()) {
                        var fh = fold.heldOut();
                        System.out.printf(Locale.ROOT, "    held out %-22s chosen %-40s threshold %.4f TP %2d "
                                        + "FP %3d FN %2d normalised %s%n", fold.fold().heldOut(), fold.chosen(),
                                fold.threshold(), fh.truePositives(), fh.falsePositives(), fh.falseNegatives(),
                                Double.isFinite(fh.normalized()) ? String.format(Locale.ROOT, "%.2f",
                                        fh.normalized()) : "-");
                    }
                    row.append(String.format(Locale.ROOT, " | %.2f", h.normalized()));
                    loco.append(String.format(Locale.ROOT, " | %.2f | %.2f", r.heldOutScore(),
                            r.inSample().normalized()));
                    if (profile.name().equals("standard")) {
                        row.append(String.format(Locale.ROOT, " (%d / %d / %d)", h.truePositives(),
                                h.falsePositives(), h.falseNegatives()));
                    }
                }
                table.add(row.append(loco).append(" |").toString());
            }
        }
        System.out.println();
        System.out.println("| detector | threshold | fresh standard (TP / FP / FN) | fresh low FP | fresh low FN "
                + "| all files, held-out standard | in-sample standard | held-out low FP | in-sample low FP "
                + "| held-out low FN | in-sample low FN |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        table.forEach(System.out::println);

        // Not registered: reported to see which of the components tuned on the 27 files carry over, never to choose.
        System.out.println();
        System.out.println("| streaming detector, ablation | threshold | fresh standard (TP / FP / FN) "
                + "| training files, standard |");
        System.out.println("|---|---|---:|---:|");
        for (var ablation : componentAblations().entrySet()) {
            var candidate = new LeaveOneCategoryOut.Candidate(ablation.getKey(),
                    s -> scores(s, new StreamingDetector(ablation.getValue())::next));
            Map<String, Map<String, double[]>> scores = LeaveOneCategoryOut.scoreAll(all, List.of(candidate));
            for (LeaveOneCategoryOut.ThresholdRule rule : RULES) {
                var protocol = new LeaveOneCategoryOut(new NabScorer(), rule);
                var h = protocol.scoreFresh(corpus, fresh, scores, NabCostProfile.STANDARD).heldOut();
                double training = protocol.score(corpus, scores.get(ablation.getKey()), NabCostProfile.STANDARD)
                        .normalized();
                System.out.printf(Locale.ROOT, "| %s | %s | %.2f (%d / %d / %d) | %.2f |%n", ablation.getKey(),
                        label(rule), h.normalized(), h.truePositives(), h.falsePositives(), h.falseNegatives(),
                        training);
            }
        }
    }

    /** Today's defaults, each of the four components added on 2026-11-22 removed, and all four removed. */
    static Map<String, DetectorConfig> componentAblations() {
        DetectorConfig base = DetectorConfig.defaults().withZone(ZoneId.of("UTC"));
        var seasonal = base.seasonal();
        var stuck = base.stuck();
        var noErrorRatio = new DetectorConfig.Seasonal(seasonal.depthWeeks(), seasonal.depthDays(),
                seasonal.minWeeks(), seasonal.minDays(), 0, seasonal.clipZ(), seasonal.hold());
        var noHold = new DetectorConfig.Seasonal(seasonal.depthWeeks(), seasonal.depthDays(), seasonal.minWeeks(),
                seasonal.minDays(), seasonal.errorRatio(), seasonal.clipZ(), Duration.ZERO);
        var neither = new DetectorConfig.Seasonal(seasonal.depthWeeks(), seasonal.depthDays(), seasonal.minWeeks(),
                seasonal.minDays(), 0, seasonal.clipZ(), Duration.ZERO);
        var notOnce = new DetectorConfig.Stuck(stuck.minRun(), stuck.runFactor(), stuck.unlearnedRuns(), false);
        var noDensity = new DetectorConfig.Density(0, base.density().z());
        Map<String, DetectorConfig> ablations = new LinkedHashMap<>();
        ablations.put("defaults", base);
        ablations.put("without seasonal.error-ratio (0)", base.with(noErrorRatio));
        ablations.put("without stuck.reported-once", base.with(notOnce));
        ablations.put("without seasonal.hold (PT0S)", base.with(noHold));
        ablations.put("without spike density (density.window 0)", base.with(noDensity));
        ablations.put("defaults before 2026-11-22 (all four off)", base.with(neither).with(notOnce).with(noDensity));
        return ablations;
    }

    /**
     * The context ensemble's combination of its members, ablated: the maximum (the product's) against means of the
     * streaming score and the mapped CAD score, each over round 1's alarm-score grid, both rest periods and both
     * threshold rules, under the leave-one-category-out protocol on the whole corpus (standard profile).
     */
    private static void combinations(List<NabSeries> corpus) {
        Map<String, DoubleBinaryOperator> combinations = new LinkedHashMap<>();
        combinations.put("maximum (the product's)", Math::max);
        combinations.put("mean", (s, c) -> (s + c) / 2);
        combinations.put("geometric mean", (s, c) -> Math.sqrt(s * c));
        combinations.put("mean, streaming weighted 2/3", (s, c) -> (2 * s + c) / 3);
        combinations.put("mean, CAD weighted 2/3", (s, c) -> (s + 2 * c) / 3);
        var base = ContextEnsembleConfig.defaults().withZone(ZoneId.of("UTC"));
        System.out.println("| rest rows | combination | threshold | held-out standard | in-sample standard "
                + "| in-sample TP / FP / FN |");
        System.out.println("|---:|---|---|---:|---:|---|");
        for (int rest : new int[] {0, 150}) {
            var members = new ContextMembers(base, rest);
            for (var combination : combinations.entrySet()) {
                List<LeaveOneCategoryOut.Candidate> grid = new ArrayList<>();
                for (double alarm : new double[] {0.6, 0.7, 0.8, 0.9}) {
                    grid.add(new LeaveOneCategoryOut.Candidate("contextAlarmScore=" + alarm,
                            s -> members.scores(s, alarm, combination.getValue())));
                }
                Map<String, Map<String, double[]>> scores = LeaveOneCategoryOut.scoreAll(corpus, grid);
                for (var rule : RULES) {
                    var report = new LeaveOneCategoryOut(new NabScorer(), rule).evaluate(corpus, scores,
                            NabCostProfile.STANDARD);
                    var in = report.inSample();
                    System.out.printf(Locale.ROOT, "| %d | %s | %s | %.2f | %.2f | %d / %d / %d |%n", rest,
                            combination.getKey(), label(rule), report.heldOutScore(),
                            in.normalized(), in.truePositives(), in.falsePositives(), in.falseNegatives());
                }
            }
        }
    }

    private static Row run(LeaveOneCategoryOut protocol, List<NabSeries> corpus, List<NabCostProfile> profiles,
                           String name, List<LeaveOneCategoryOut.Candidate> grid, boolean perFold) {
        long start = System.nanoTime();
        List<LeaveOneCategoryOut.Report> reports = protocol.evaluate(corpus, grid, profiles);
        System.out.printf(Locale.ROOT, "%n== %s: %d candidates, %.1f s%n", name, grid.size(),
                (System.nanoTime() - start) / 1e9);
        for (LeaveOneCategoryOut.Report report : reports) {
            System.out.printf(Locale.ROOT, "%s: held-out %.2f, in-sample %.2f (chosen on all: %s, TP %d FP %d FN %d)%n",
                    report.profile().name(), report.heldOutScore(), report.inSample().normalized(),
                    report.inSampleChosen(), report.inSample().truePositives(), report.inSample().falsePositives(),
                    report.inSample().falseNegatives());
            if (!perFold) {
                continue;
            }
            for (LeaveOneCategoryOut.FoldResult f : report.folds()) {
                var h = f.heldOut();
                System.out.printf(Locale.ROOT, "    held out %-22s chosen %-28s training %6.2f threshold %.4f | "
                                + "raw %8.3f (null %7.3f) TP %2d FP %3d FN %2d normalised %s%n", f.fold().heldOut(),
                        f.chosen(), f.trainingScore(), f.threshold(), h.raw(), h.nullRaw(), h.truePositives(),
                        h.falsePositives(), h.falseNegatives(),
                        Double.isFinite(h.normalized()) ? String.format(Locale.ROOT, "%.2f", h.normalized()) : "-");
            }
            if (report.profile().name().equals("standard")) {
                report.inSampleByCandidate().forEach((candidate, r) -> System.out.printf(Locale.ROOT,
                        "    in-sample %-28s %.2f%n", candidate, r.normalized()));
            }
        }
        return new Row(name, reports);
    }

    /** Today's detector: its defaults and three single changes of the components NAB is most sensitive to. */
    static List<LeaveOneCategoryOut.Candidate> streamingGrid() {
        DetectorConfig base = DetectorConfig.defaults().withZone(ZoneId.of("UTC"));
        Map<String, DetectorConfig> grid = new LinkedHashMap<>();
        grid.put("defaults", base);
        var episode = base.episode();
        grid.put("density.window=0", base.with(new DetectorConfig.Density(0, base.density().z())));
        grid.put("episode.halfLife=PT12H", base.with(new DetectorConfig.Episode(Duration.ofHours(12),
                episode.escalation(), episode.damping())));
        grid.put("episode.halfLife=P2D", base.with(new DetectorConfig.Episode(Duration.ofDays(2),
                episode.escalation(), episode.damping())));
        return grid.entrySet().stream().map(e -> new LeaveOneCategoryOut.Candidate(e.getKey(),
                s -> scores(s, new StreamingDetector(e.getValue())::next))).toList();
    }

    /**
     * The ensemble's grid: how much evidence the forest and entropy members need to reach the alarm level (their
     * weight against the streaming member's score) and how long an episode lasts.
     */
    static List<LeaveOneCategoryOut.Candidate> ensembleGrid(EnsembleConfig.Members members) {
        EnsembleConfig base = EnsembleConfig.defaults().withZone(ZoneId.of("UTC")).withMembers(members);
        Map<String, EnsembleConfig> grid = new LinkedHashMap<>();
        for (double alarm : new double[] {1e-3, 1e-4, 1e-5, 1e-6}) {
            grid.put("alarmProbability=" + alarm, new EnsembleConfig(base.streaming(), members, base.forest(),
                    base.entropy(), base.calibrationRows(), base.minCalibrationRows(), alarm, base.episodeHalfLife(),
                    base.episodeEscalation(), base.episodeDamping()));
        }
        return grid.entrySet().stream().map(e -> new LeaveOneCategoryOut.Candidate(e.getKey(),
                s -> scores(s, new EnsembleDetector(e.getValue())::next))).toList();
    }

    /**
     * The context ensemble's grid, fixed before any held-out number was seen: the CAD score that maps to the alarm
     * level 0.5 (its weight against the streaming score), 0.6, 0.7, 0.8, 0.9. The members are fixed (the original
     * CAD OSE settings, the NAB preset).
     */
    static List<LeaveOneCategoryOut.Candidate> contextGrid(ContextMembers members,
                                                           ContextEnsembleConfig.Members voting) {
        List<LeaveOneCategoryOut.Candidate> grid = new ArrayList<>();
        for (double alarm : new double[] {0.6, 0.7, 0.8, 0.9}) {
            ContextEnsembleConfig config = members.config.withMembers(voting).withContextAlarmScore(alarm);
            grid.add(new LeaveOneCategoryOut.Candidate("restRows=" + members.config.context().restRows()
                    + " contextAlarmScore=" + alarm, s -> members.scores(s, config)));
        }
        return grid;
    }

    /**
     * Round 2's grid, designed after round 1's rest-period ablation had been seen: the rest period (150 rows or none)
     * joins round 1's alarm scores, chosen per fold like them.
     */
    static List<LeaveOneCategoryOut.Candidate> round2Grid(ContextMembers resting, ContextMembers restless) {
        List<LeaveOneCategoryOut.Candidate> grid = new ArrayList<>(contextGrid(resting,
                ContextEnsembleConfig.Members.BOTH));
        grid.addAll(contextGrid(restless, ContextEnsembleConfig.Members.BOTH));
        return grid;
    }

    /**
     * Each member's scores of every series, computed once and combined per candidate by
     * {@link ContextEnsembleConfig#score}, as {@code ContextEnsembleDetector} does row by row
     * ({@code ContextEnsembleDetectorTest} checks they agree): CAD OSE costs about a minute on this corpus, and the
     * candidates differ only in the combination.
     */
    static final class ContextMembers {

        private record Scored(double[] streaming, boolean[] warmingUp, double[] context) {
        }

        private final ContextEnsembleConfig config;
        private final Map<String, Scored> bySeries = new HashMap<>();

        /** The members of {@code config} with CAD OSE resting {@code restRows} rows after a high score. */
        ContextMembers(ContextEnsembleConfig config, int restRows) {
            var c = config.context();
            this.config = new ContextEnsembleConfig(config.streaming(), config.members(),
                    new ContextEnsembleConfig.Context(c.valueBits(), c.maxLeftMatch(), c.maxActiveNeurons(),
                            c.restThreshold(), restRows, c.maxContexts()), config.contextAlarmScore());
        }

        double[] scores(NabSeries series, ContextEnsembleConfig combination) {
            Scored m = bySeries.computeIfAbsent(series.name(), n -> score(series));
            double[] out = new double[series.rows()];
            for (int i = 0; i < out.length; i++) {
                out[i] = m.warmingUp[i] ? m.streaming[i] : combination.score(m.streaming[i], m.context[i]);
            }
            return out;
        }

        /**
         * The members combined by {@code combine} instead of the product's maximum: the streaming score and the CAD
         * score mapped as {@link ContextEnsembleConfig#score} maps it (the ablation of the combination).
         */
        double[] scores(NabSeries series, double contextAlarmScore, DoubleBinaryOperator combine) {
            Scored m = bySeries.computeIfAbsent(series.name(), n -> score(series));
            var onlyContext = config.withMembers(new ContextEnsembleConfig.Members(false, true))
                    .withContextAlarmScore(contextAlarmScore);
            double[] out = new double[series.rows()];
            for (int i = 0; i < out.length; i++) {
                out[i] = m.warmingUp[i] ? m.streaming[i]
                        : combine.applyAsDouble(m.streaming[i], onlyContext.score(m.streaming[i], m.context[i]));
            }
            return out;
        }

        private Scored score(NabSeries series) {
            var streaming = new StreamingDetector(config.streaming());
            var context = new ContextAnomalyDetector(config.context());
            int n = series.rows();
            var scored = new Scored(new double[n], new boolean[n], new double[n]);
            for (int i = 0; i < n; i++) {
                Detection d = streaming.next(observation(series, i));
                scored.streaming[i] = d.score();
                scored.warmingUp[i] = d.warmingUp();
                scored.context[i] = context.scoreAndLearn(series.values()[i]);
            }
            return scored;
        }
    }

    /**
     * {@code /detect}'s default: CAD OSE alone as published and as NAB runs it (the series' own range, NAB's rest
     * period for its length), through the product's own path, {@link ContextEnsembleDetector#overSeries}. No setting
     * to choose: the protocol picks only the threshold.
     */
    static LeaveOneCategoryOut.Candidate wholeSeries() {
        var config = ContextEnsembleConfig.wholeSeries().withZone(ZoneId.of("UTC"));
        return new LeaveOneCategoryOut.Candidate("CAD OSE over the series' range", series -> scores(series,
                ContextEnsembleDetector.overSeries(config, Arrays.stream(series.values()).boxed().toList())::next));
    }

    /** Per-row scores of a fresh detector fed the series in order, timestamps read as UTC (as /detect with tz=UTC). */
    static double[] scores(NabSeries series, Function<Observation, Detection> detector) {
        double[] scores = new double[series.rows()];
        for (int i = 0; i < series.rows(); i++) {
            scores[i] = detector.apply(observation(series, i)).score();
        }
        return scores;
    }

    private static Observation observation(NabSeries series, int i) {
        return Observation.of(series.timestamps().get(i).toInstant(ZoneOffset.UTC), series.values()[i]);
    }
}
