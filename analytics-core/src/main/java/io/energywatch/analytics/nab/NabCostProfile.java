package io.energywatch.analytics.nab;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One of NAB's application profiles: the weights of true positives, misses and false positives. */
public record NabCostProfile(String name, double tpWeight, double fnWeight, double fpWeight) {

    public static final NabCostProfile STANDARD = new NabCostProfile("standard", 1.0, 1.0, 0.11);
    public static final NabCostProfile REWARD_LOW_FP_RATE = new NabCostProfile("reward_low_FP_rate", 1.0, 1.0, 0.22);
    public static final NabCostProfile REWARD_LOW_FN_RATE = new NabCostProfile("reward_low_FN_rate", 1.0, 2.0, 0.11);

    /** Reads NAB's {@code profiles.json} ({@code {name: {CostMatrix: {tpWeight, fnWeight, fpWeight, tnWeight}}}}). */
    public static List<NabCostProfile> read(Path profilesJson) {
        try {
            JsonNode root = new ObjectMapper().readTree(Files.readString(profilesJson));
            var profiles = new ArrayList<NabCostProfile>();
            for (var entry : root.properties()) {
                JsonNode costs = entry.getValue().get("CostMatrix");
                profiles.add(new NabCostProfile(entry.getKey(), costs.get("tpWeight").asDouble(),
                        costs.get("fnWeight").asDouble(), costs.get("fpWeight").asDouble()));
            }
            return List.copyOf(profiles);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read NAB profiles " + profilesJson, e);
        }
    }
}
