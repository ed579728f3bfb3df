package io.energywatch.local;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FaultTallyTest {

    private static final StageLedger.Seen NONE = new StageLedger.Seen(Map.of());

    @Test
    void aReadingMissingFromOneStageIsLostOnceWhateverTheOtherStagesHold() {
        var tally = new FaultTally();
        FaultTally.Row row = tally.row(List.of("a", "b"), stages(Map.of("a", 1, "b", 1), Map.of("a", 1),
                Map.of("a", 1)), NONE, NONE, NONE);

        assertThat(row.lost()).isEqualTo(1);
        assertThat(row.found()).containsEntry("raw store", 2L).containsEntry("raw topic", 1L);
        assertThat(tally.clean()).isFalse();
    }

    @Test
    void anEnrichedCopyOfARawRedeliveryIsARedeliveryButOneBeyondItIsADuplicate() {
        var redelivered = new FaultTally().row(List.of("a"), stages(Map.of("a", 1), Map.of("a", 2), Map.of("a", 2)),
                NONE, NONE, NONE);
        var beyond = new FaultTally();
        var duplicated = beyond.row(List.of("a"), stages(Map.of("a", 1), Map.of("a", 1), Map.of("a", 2)), NONE, NONE,
                NONE);

        assertThat(redelivered.duplicated()).isZero();
        assertThat(redelivered.redelivered()).isEqualTo(2);
        assertThat(duplicated.duplicated()).isEqualTo(1);
        assertThat(beyond.clean()).isFalse();
    }

    @Test
    void anAnomalyMissingFromOneOfItsStoresIsLostAndATopicRepeatIsARedelivery() {
        var tally = new FaultTally();
        FaultTally.Row row = tally.row(List.of("a", "b"), stages(Map.of("a", 1, "b", 1), Map.of("a", 1, "b", 1),
                Map.of("a", 1, "b", 1)), seen(Map.of("a", 1, "b", 1)), seen(Map.of("a", 1)),
                seen(Map.of("a", 2, "b", 1)));

        assertThat(row.anomalies()).isEqualTo("2/1/2");
        assertThat(row.lost()).isEqualTo(1);
        assertThat(row.redelivered()).isEqualTo(1);
        assertThat(row.duplicated()).isZero();
    }

    @Test
    void everyStageHoldingEachReadingOnceIsClean() {
        var tally = new FaultTally();
        tally.row(List.of("a"), stages(Map.of("a", 1), Map.of("a", 1), Map.of("a", 1)), seen(Map.of("a", 1)),
                seen(Map.of("a", 1)), seen(Map.of("a", 1)));

        assertThat(tally.clean()).isTrue();
    }

    private static Map<String, StageLedger.Seen> stages(Map<String, Integer> store, Map<String, Integer> raw,
                                                        Map<String, Integer> enriched) {
        var stages = new LinkedHashMap<String, StageLedger.Seen>();
        stages.put("raw store", seen(store));
        stages.put("raw topic", seen(raw));
        stages.put("enriched topic", seen(enriched));
        return stages;
    }

    private static StageLedger.Seen seen(Map<String, Integer> occurrences) {
        return new StageLedger.Seen(occurrences);
    }
}
