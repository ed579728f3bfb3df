package io.energywatch.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The public datasets {@code ./energywatch demo --real} sends through the pipeline, from the shared datasets folder
 * ({@code ../shared/datasets} beside the checkout, or {@code --data DIR}): the context first (weather, social
 * movements), so the fusion has it when the consumption arrives, then the national 2012-2022 file.
 */
record RealDatasets(Path root) {

    /** Relative to the checkout, as the README and the tests name it. */
    static final Path DEFAULT = Path.of("..", "shared", "datasets");
    static final String NATIONAL_FILE = "fr_national_conso_odre/consommation-quotidienne-brute_2012-2022.csv";

    /** One file to upload with its kind and format (never guessed: these files are known). */
    record Upload(Path file, String kind, String format) {
    }

    /** The folder given, or the default beside the checkout; a clear error when it or the national file is absent. */
    static RealDatasets locate(Optional<Path> given, Workspace workspace) {
        Path root = given.orElse(workspace.root().resolve(DEFAULT)).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new StackException("the datasets folder " + root + " does not exist: demo --real reads the public"
                    + " datasets from ../shared/datasets beside the checkout, or from --data DIR");
        }
        if (!Files.isRegularFile(root.resolve(NATIONAL_FILE))) {
            throw new StackException(root.resolve(NATIONAL_FILE) + " is missing: demo --real needs the national"
                    + " 2012-2022 file in the datasets folder");
        }
        return new RealDatasets(root);
    }

    Path nationalFile() {
        return root.resolve(NATIONAL_FILE);
    }

    /**
     * Weather: historique-meteo per new region (2009-2021; the old-region files describe the same days again) and
     * ODRÉ's regional temperatures (2016-2025); social movements: both copies of the SNCF file (the second adds only
     * duplicates, which ingestion counts as such); then the national consumption.
     */
    List<Upload> uploads() {
        var uploads = new ArrayList<Upload>();
        matching("fr_weather/historique_meteo_datacorner/data/FR_Per_Region", "MeteoFR_*.csv")
                .forEach(file -> uploads.add(new Upload(file, "weather", "historique-meteo")));
        matching("fr_weather", "temperature-quotidienne-regionale.csv")
                .forEach(file -> uploads.add(new Upload(file, "weather", "odre-temperature")));
        matching("sncf_strikes", "mouvements-sociaux-depuis-2002_*.csv")
                .forEach(file -> uploads.add(new Upload(file, "social-movements", "sncf-movements")));
        uploads.add(new Upload(nationalFile(), "consumption", "odre-conso-brute"));
        return uploads;
    }

    /** The files of a sub-folder matching a glob, sorted; none when the sub-folder is absent. */
    private List<Path> matching(String folder, String glob) {
        Path directory = root.resolve(folder);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        var files = new ArrayList<Path>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, glob)) {
            entries.forEach(files::add);
        } catch (IOException e) {
            throw new StackException("cannot list " + directory + ": " + e.getMessage(), e);
        }
        return files.stream().filter(Files::isRegularFile).sorted().toList();
    }
}
