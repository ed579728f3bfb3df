package io.energywatch.local;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The demo's first step: feed ingestion-service, either the simulator (seed 2024, first quarter of 2024), every file
 * of a folder, or the real public datasets ({@link RealDatasets}). A folder may hold {@code manifest.json} mapping file names to {@code kind} and {@code format}:
 * {@code {"conso.csv": {"kind": "consumption", "format": "odre-conso-brute"}}}; other files have their kind guessed.
 */
final class IngestStep implements DemoStep {

    static final String MANIFEST = "manifest.json";
    /**
     * The simulator's seed: none of {@link DetectionQualityStep#TUNING_SEEDS} and none of the fresh seeds reported in
     * docs/evaluation.md, so the demo's detection table is a held-out measurement.
     */
    static final long SEED = 2024;
    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    private static final LocalDate TO = LocalDate.of(2024, 3, 31);
    /**
     * The first day of the simulation's second part: the first part leaves 77 complete days, enough for day- and
     * week-ahead champions (60 training days and two weeks of lags), and the second brings 14 days of actuals.
     */
    static final LocalDate SECOND_PART = LocalDate.of(2024, 3, 18);
    /** Training every series' first champions takes minutes on two cores. */
    private static final java.time.Duration FORECASTS_WAIT = java.time.Duration.ofMinutes(10);
    /** The simulated quarter's last weeks change regime, for the drift step to find: a heat wave, then less demand. */
    static final IngestionClient.RegimeShift SHIFT = new IngestionClient.RegimeShift(LocalDate.of(2024, 3, 11), 7,
            8.0, 10.0);

    private final IngestionClient client;
    private final FileIngestion files;
    private final JobWatcher watcher;
    private final ServiceAvailability services;
    private final DemoInput input;
    private final JsonMapper json;
    private final PrintStream out;
    private final DemoContext context;

    IngestStep(DemoContext context) {
        this.context = context;
        this.client = context.ingestionClient();
        this.watcher = new JobWatcher(client, context.out(), context.terminal());
        this.files = new FileIngestion(client, watcher, context.out());
        this.services = context.services();
        this.input = context.input();
        this.json = context.json();
        this.out = context.out();
    }

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public List<StepResult> run() {
        Optional<String> unavailable = services.unavailable("ingestion-service");
        if (unavailable.isPresent()) {
            return List.of(new StepResult(name(), StepResult.Outcome.SKIPPED, "-", unavailable.get()));
        }
        try {
            return switch (input) {
                case DemoInput.Simulator _ -> simulate();
                case DemoInput.Folder folder -> uploadFolder(folder.directory());
                case DemoInput.Real real -> uploadDatasets(real.datasets());
            };
        } catch (StackException e) {
            return List.of(new StepResult(name(), StepResult.Outcome.FAILED, "-", e.getMessage()));
        }
    }

    /**
     * The simulated quarter in two parts, as a utility's data arrives: up to {@link #SECOND_PART} first, then, once
     * prediction-service has issued its scheduled forecasts from that day, the last two weeks, which bring those
     * forecasts' actuals (the forecasts step reports their realised accuracy).
     */
    private List<StepResult> simulate() {
        String subject = "simulator seed " + SEED + " " + FROM + ".." + TO;
        out.println("Ingesting the " + subject + ", with a regime shift from " + SHIFT.from() + ": "
                + SHIFT.heatWaveDays() + " days at +" + SHIFT.heatWaveC() + " °C, then demand -"
                + SHIFT.demandCutPercent() + " %");
        LocalDate firstEnd = SECOND_PART.minusDays(1);
        out.println("Part 1: " + FROM + ".." + firstEnd);
        IngestionJob first = watcher.follow(client.simulate(SEED, FROM, TO, Optional.of(SHIFT), FROM, firstEnd));
        var results = new ArrayList<StepResult>();
        results.add(result(subject + ", part " + FROM + ".." + firstEnd, first));
        if (first.failed()) {
            return results;
        }
        out.println("Waiting for the forecasts issued from " + firstEnd + " before the days that bring their actuals");
        PipelineDrain.Result drained = context.drain().await(name(), new PipelineDrain.Dependencies(
                List.of(context.groups().fusion(), context.groups().predictionHistory()), List.of()));
        out.println(SummaryStep.drainLine(name(), drained));
        JsonNode issuance = ForecastsStep.awaitCaughtUp(context, FORECASTS_WAIT);
        out.println("Forecasts issued so far: " + issuance.path("forecastsByHorizon"));
        out.println("Part 2: " + SECOND_PART + ".." + TO);
        IngestionJob second = watcher.follow(client.simulate(SEED, FROM, TO, Optional.of(SHIFT), SECOND_PART, TO));
        results.add(result(subject + ", part " + SECOND_PART + ".." + TO, second));
        return results;
    }

    private List<StepResult> uploadFolder(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new StackException("--data " + directory + " is not a folder");
        }
        JsonNode manifest = readManifest(directory);
        var results = new ArrayList<StepResult>();
        for (Path file : dataFiles(directory)) {
            JsonNode entry = manifest.path(file.getFileName().toString());
            Optional<String> kind = text(entry, "kind");
            Optional<String> format = text(entry, "format");
            FileIngestion.Outcome outcome = files.ingest(file, KindGuess.candidates(file, kind), format);
            String subject = file.getFileName().toString();
            results.add(outcome.job().map(job -> result(subject, job)).orElseGet(() -> new StepResult(name(),
                    StepResult.Outcome.FAILED, subject, "refused " + String.join("; ", outcome.refusals()))));
        }
        if (results.isEmpty()) {
            results.add(new StepResult(name(), StepResult.Outcome.SKIPPED, directory.toString(), "no files to upload"));
        }
        return results;
    }

    /** Each dataset with its known kind and format, context first; stops at nothing, each upload has its line. */
    private List<StepResult> uploadDatasets(RealDatasets datasets) {
        var results = new ArrayList<StepResult>();
        for (RealDatasets.Upload upload : datasets.uploads()) {
            String subject = datasets.root().relativize(upload.file()).toString();
            out.println("Uploading " + subject + " (" + upload.kind() + ", " + upload.format() + ")");
            FileIngestion.Outcome outcome = files.ingest(upload.file(), List.of(upload.kind()),
                    Optional.of(upload.format()));
            results.add(outcome.job().map(job -> result(subject, job)).orElseGet(() -> new StepResult(name(),
                    StepResult.Outcome.FAILED, subject, "refused " + String.join("; ", outcome.refusals()))));
        }
        return results;
    }

    /** Regular files, sorted; hidden files, the manifest and documentation (*.md) are not data. */
    private static List<Path> dataFiles(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isRegularFile).filter(path -> {
                String name = path.getFileName().toString();
                return !name.startsWith(".") && !name.equals(MANIFEST)
                        && !name.toLowerCase(Locale.ROOT).endsWith(".md");
            }).sorted().toList();
        } catch (IOException e) {
            throw new StackException("cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    private JsonNode readManifest(Path directory) {
        Path manifest = directory.resolve(MANIFEST);
        if (!Files.exists(manifest)) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(manifest.toFile());
        } catch (JacksonException e) {
            throw new StackException(manifest + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Optional<String> text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value == null || value.isNull() || value.asString().isBlank() ? Optional.empty()
                : Optional.of(value.asString());
    }

    private StepResult result(String subject, IngestionJob job) {
        String detail = (job.kind() == null ? "" : job.kind() + ": ") + JobReport.summary(job)
                + (job.failed() && job.error() != null ? " - " + job.error() : "");
        return new StepResult(name(), job.failed() ? StepResult.Outcome.FAILED : StepResult.Outcome.DONE, subject, detail);
    }
}
