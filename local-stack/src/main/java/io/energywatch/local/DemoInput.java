package io.energywatch.local;

import java.nio.file.Path;

/** What the demo feeds ingestion-service: the simulator, every file of a folder, or the real public datasets. */
sealed interface DemoInput {

    /** Seed 42, first quarter of 2024, with labelled anomalies. */
    record Simulator() implements DemoInput {
    }

    /** Every file of a folder, kinds from its manifest or guessed. */
    record Folder(Path directory) implements DemoInput {
    }

    /** The national 2012-2022 file, the weather history and the SNCF movements from a datasets folder. */
    record Real(RealDatasets datasets) implements DemoInput {
    }
}
