package io.energywatch.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The consumer groups of the pipeline whose lag the demo and the live bench wait on, read from the services' own
 * application.yml in the checkout (the place each service defines them), so they can never drift apart. The local
 * profile's document comes last in those files and wins, as it does for the services {@code ./energywatch} starts.
 *
 * @param fusion            the Kafka Streams application id of the fusion (raw topics to the enriched topic)
 * @param fusionIndexer     the enriched topic into Elasticsearch
 * @param anomalyDetector   the enriched topic scored by anomaly-service
 * @param predictionHistory the enriched topic into prediction-service's daily history
 * @param driftWindow       the enriched topic into drift-service's window
 * @param modelRunSink      the model-run topic into prediction-service's model-runs index (not downstream of ingestion
 *                          only: every service's runs)
 */
record ConsumerGroups(String fusion, String fusionIndexer, String anomalyDetector, String predictionHistory,
                      String driftWindow, String modelRunSink) {

    private record Key(String module, String key) {
    }

    private static final Key FUSION = new Key("fusion-service", "energywatch.fusion.streams.application-id");
    private static final Key FUSION_INDEXER = new Key("fusion-service", "energywatch.fusion.indexing.group-id");
    private static final Key ANOMALY = new Key("anomaly-service", "energywatch.anomaly.detection.group-id");
    private static final Key PREDICTION = new Key("prediction-service", "energywatch.prediction.history.group-id");
    private static final Key DRIFT = new Key("drift-service", "energywatch.drift.window.group-id");
    private static final Key MODEL_RUNS = new Key("prediction-service", "energywatch.prediction.carbon.group-id");

    static ConsumerGroups load(Workspace workspace) {
        return new ConsumerGroups(read(workspace, FUSION), read(workspace, FUSION_INDEXER), read(workspace, ANOMALY),
                read(workspace, PREDICTION), read(workspace, DRIFT), read(workspace, MODEL_RUNS));
    }

    /** Every group downstream of ingestion: drained means a file's records are enriched, indexed and scored. */
    List<String> all() {
        return List.of(fusion, fusionIndexer, anomalyDetector, predictionHistory, driftWindow);
    }

    private static String read(Workspace workspace, Key key) {
        Path file = workspace.root().resolve(key.module()).resolve("src/main/resources/application.yml");
        if (!Files.isRegularFile(file)) {
            throw new StackException(workspace.display(file) + " is missing: run ./energywatch from an EnergyWatch"
                    + " checkout");
        }
        Map<String, String> values;
        try {
            values = SimpleYaml.flatten(Files.readString(file), workspace.display(file));
        } catch (IOException e) {
            throw new StackException("cannot read " + workspace.display(file) + ": " + e.getMessage(), e);
        }
        String group = values.get(key.key());
        if (group == null || group.isBlank() || group.contains("${")) {
            throw new StackException(key.key() + " in " + workspace.display(file) + " is '" + group
                    + "': the demo needs the consumer group as a plain name");
        }
        return group;
    }
}
