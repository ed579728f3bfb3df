package io.energywatch.local;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Waits until the pipeline has worked through everything written to Kafka so far: every consumer group a summary
 * depends on has lag 0 on {@code confirmations} polls in a row (one poll could fall between a commit and the next
 * batch's output), then the Elasticsearch aliases it reads are refreshed. Never "the numbers stopped moving": a slow
 * consumer keeps its lag until it has caught up, however long it pauses.
 */
final class PipelineDrain {

    /** What a summary depends on: the groups that must be drained and the aliases to refresh afterwards. */
    record Dependencies(List<String> groups, List<String> aliases) {

        Dependencies {
            groups = List.copyOf(groups);
            aliases = List.copyOf(aliases);
        }
    }

    /**
     * The outcome of a wait.
     *
     * @param drained   whether every group reached lag 0 (and the aliases were refreshed) before the timeout
     * @param waited    from the start of the wait to its end (the confirmations and the refresh included)
     * @param untilZero from the start of the wait to the first poll of the confirmed run of lag 0: when the pipeline
     *                  had drained, as precise as the poll interval; equal to {@code waited} when not drained
     * @param lags      the lags of the last poll: all 0 when drained, what was seen at the deadline otherwise
     */
    record Result(boolean drained, Duration waited, Duration untilZero, List<GroupLag> lags) {

        Result {
            lags = List.copyOf(lags);
        }

        /** "energywatch-fusion 0, energywatch-fusion-indexer 1,200": what an "incomplete" line shows. */
        String describe() {
            return lags.stream().map(GroupLag::describe).collect(Collectors.joining(", "));
        }
    }

    private final LagSource lags;
    private final IndexRefresh refresh;
    private final PlatformConfig.DrainSettings settings;
    private final PrintStream out;

    PipelineDrain(LagSource lags, IndexRefresh refresh, PlatformConfig.DrainSettings settings, PrintStream out) {
        this.lags = lags;
        this.refresh = refresh;
        this.settings = settings;
        this.out = out;
    }

    Duration timeout() {
        return settings.timeout();
    }

    /** Waits up to the configured timeout; {@code label} prefixes the progress lines ("fusion: lag ..."). */
    Result await(String label, Dependencies dependencies) {
        return await(label, dependencies, settings.timeout());
    }

    Result await(String label, Dependencies dependencies, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        int zeroPolls = 0;
        long firstZero = start;
        String lastShown = "";
        while (true) {
            long polled = System.nanoTime();
            List<GroupLag> seen = lags.lag(dependencies.groups());
            boolean allDrained = seen.stream().allMatch(GroupLag::drained);
            zeroPolls = allDrained ? zeroPolls + 1 : 0;
            if (zeroPolls == 1) {
                firstZero = polled;
            }
            if (zeroPolls >= settings.confirmations()) {
                refresh.refresh(dependencies.aliases());
                return new Result(true, Duration.ofNanos(System.nanoTime() - start),
                        Duration.ofNanos(firstZero - start), seen);
            }
            if (System.nanoTime() + settings.poll().toNanos() > deadline) {
                // Refreshed all the same: an incomplete summary then shows everything indexed so far.
                refresh.refresh(dependencies.aliases());
                Duration waited = Duration.ofNanos(System.nanoTime() - start);
                return new Result(false, waited, waited, seen);
            }
            String shown = seen.stream().map(GroupLag::describe).collect(Collectors.joining(", "));
            if (!allDrained && !shown.equals(lastShown)) {
                out.println(label + ": waiting for consumer lag 0: " + shown);
                lastShown = shown;
            }
            Pause.of(settings.poll());
        }
    }
}
