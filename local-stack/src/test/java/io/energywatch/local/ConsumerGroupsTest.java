package io.energywatch.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerGroupsTest {

    @Test
    void theGroupsAreReadFromTheServicesOwnConfiguration() {
        ConsumerGroups groups = ConsumerGroups.load(new Workspace(Path.of("..")));

        assertThat(groups.fusion()).isEqualTo("energywatch-fusion");
        assertThat(groups.fusionIndexer()).isEqualTo("energywatch-fusion-indexer");
        assertThat(groups.anomalyDetector()).isEqualTo("energywatch-anomaly-detector");
        assertThat(groups.predictionHistory()).isEqualTo("prediction-history");
        assertThat(groups.driftWindow()).isEqualTo("energywatch-drift-window");
        assertThat(groups.all()).doesNotHaveDuplicates().hasSize(5);
    }
}
