package io.energywatch.local;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The drain waiter against a scripted lag source: it waits for lag 0 confirmed, never for numbers to stop moving. */
class PipelineDrainTest {

    private static final PlatformConfig.DrainSettings FAST = new PlatformConfig.DrainSettings(Duration.ofMillis(5), 2,
            Duration.ofSeconds(5));
    private static final PipelineDrain.Dependencies FUSION = new PipelineDrain.Dependencies(
            List.of("energywatch-fusion", "energywatch-fusion-indexer"), List.of("energywatch-enriched"));

    private final List<List<String>> refreshed = new ArrayList<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void itReturnsOnceEveryGroupHasLagZeroOnTwoPollsInARowAndThenRefreshesTheAliases() {
        var script = new ScriptedLags(List.of(
                lags(500, 0), lags(0, 300), lags(0, 0), lags(0, 0), lags(7, 7)));

        PipelineDrain.Result result = drain(script, FAST).await("fusion", FUSION);

        assertThat(result.drained()).isTrue();
        assertThat(script.polls).isEqualTo(4);
        assertThat(result.lags()).allMatch(GroupLag::drained);
        assertThat(result.untilZero()).isLessThan(result.waited());
        assertThat(refreshed).containsExactly(List.of("energywatch-enriched"));
    }

    @Test
    void aSingleZeroBetweenBatchesIsNotTakenForTheEnd() {
        var script = new ScriptedLags(List.of(lags(0, 0), lags(0, 40), lags(0, 0), lags(0, 0)));

        PipelineDrain.Result result = drain(script, FAST).await("fusion", FUSION);

        assertThat(result.drained()).isTrue();
        assertThat(script.polls).isEqualTo(4);
    }

    @Test
    void aLagThatStaysTheSameIsStillALag() {
        // The old demo would have called this settled: the same count on three polls.
        var script = new ScriptedLags(List.of(lags(0, 1_200)));
        var settings = new PlatformConfig.DrainSettings(Duration.ofMillis(5), 2, Duration.ofMillis(200));

        PipelineDrain.Result result = drain(script, settings).await("fusion", FUSION);

        assertThat(result.drained()).isFalse();
        assertThat(script.polls).isGreaterThan(3);
        assertThat(result.describe()).isEqualTo("energywatch-fusion 0, energywatch-fusion-indexer 1,200");
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("fusion: waiting for consumer lag 0: energywatch-fusion 0, energywatch-fusion-indexer 1,200");
    }

    @Test
    void aGroupKafkaDoesNotKnowNeverCountsAsDrained() {
        LagSource lagSource = groups -> List.of(GroupLag.of(groups.get(0), 0), GroupLag.unknown(groups.get(1)));
        var settings = new PlatformConfig.DrainSettings(Duration.ofMillis(5), 2, Duration.ofMillis(100));

        PipelineDrain.Result result = drain(lagSource, settings).await("fusion", FUSION);

        assertThat(result.drained()).isFalse();
        assertThat(result.describe()).contains("energywatch-fusion-indexer unknown");
    }

    private PipelineDrain drain(LagSource source, PlatformConfig.DrainSettings settings) {
        return new PipelineDrain(source, refreshed::add, settings, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private static List<GroupLag> lags(long fusion, long indexer) {
        return List.of(GroupLag.of("energywatch-fusion", fusion), GroupLag.of("energywatch-fusion-indexer", indexer));
    }

    /** Answers the scripted polls in order, then repeats the last one. */
    private static final class ScriptedLags implements LagSource {

        private final Deque<List<GroupLag>> remaining;
        private List<GroupLag> last;
        int polls;

        ScriptedLags(List<List<GroupLag>> script) {
            this.remaining = new ArrayDeque<>(script);
        }

        @Override
        public List<GroupLag> lag(List<String> groups) {
            polls++;
            if (!remaining.isEmpty()) {
                last = remaining.pop();
            }
            return last;
        }
    }
}
