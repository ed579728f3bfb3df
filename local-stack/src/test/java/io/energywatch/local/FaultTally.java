package io.energywatch.local;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The comparison behind the fault table: for the readings of one phase, how many each stage holds, which are lost
 * (missing from a stage, or an anomaly missing from one of its three stores), which are duplicated where the contract
 * says exactly once, and how many extra copies the at-least-once topics carry. Plain logic over the ledger's counts.
 */
final class FaultTally {

    /** The stages whose contract is one copy per reading; the enriched topic may repeat what the raw topic repeats. */
    private static final Set<String> EXACTLY_ONCE = Set.of("raw store", "enriched index", "prediction history");
    private static final String RAW_TOPIC = "raw topic";
    private static final String ENRICHED_TOPIC = "enriched topic";

    /**
     * @param found       per stage, the phase's readings it holds at least once
     * @param anomalies   "store/index/topic" counts of the phase's anomalies
     * @param lost        readings missing from a stage plus anomalies missing from a store
     * @param duplicated  extra copies where the contract says exactly once
     * @param redelivered extra copies on the at-least-once topics (raw, and enriched as far as the raw copies go,
     *                    anomalies), dropped downstream by event id
     */
    record Row(Map<String, Long> found, String anomalies, long lost, long duplicated, long redelivered) {

        /** The headers of {@link #cells}: the fault, what went in, each stage, (the anomalies,) the three tallies. */
        static List<String> headers(Collection<String> stages, boolean withAnomalies) {
            var headers = new ArrayList<>(List.of("FAULT", "IN"));
            stages.forEach(stage -> headers.add(stage.toUpperCase(Locale.ROOT)));
            if (withAnomalies) {
                headers.add("ANOMALIES DB/INDEX/TOPIC");
            }
            headers.addAll(List.of("LOST", "DUPLICATED", "REDELIVERED"));
            return headers;
        }

        /** A line of the fault table for the phase {@code fault}, whose {@code in} readings were acknowledged. */
        List<String> cells(String fault, long in, boolean withAnomalies) {
            var cells = new ArrayList<>(List.of(fault, number(in)));
            found.values().forEach(count -> cells.add(number(count)));
            if (withAnomalies) {
                cells.add(anomalies);
            }
            cells.addAll(List.of(number(lost), number(duplicated), number(redelivered)));
            return cells;
        }

        private static String number(long value) {
            return String.format(Locale.ROOT, "%,d", value);
        }
    }

    private long lost;
    private long duplicated;

    Row row(List<String> ids, Map<String, StageLedger.Seen> stages, StageLedger.Seen anomalyStore,
            StageLedger.Seen anomalyIndex, StageLedger.Seen anomalyTopic) {
        var found = new LinkedHashMap<String, Long>();
        Set<String> missing = new LinkedHashSet<>();
        long dup = 0;
        long redelivered = 0;
        for (var stage : stages.entrySet()) {
            long held = 0;
            for (String id : ids) {
                int copies = stage.getValue().of(id);
                if (copies == 0) {
                    missing.add(id);
                    continue;
                }
                held++;
                if (EXACTLY_ONCE.contains(stage.getKey())) {
                    dup += copies - 1;
                } else if (stage.getKey().equals(ENRICHED_TOPIC)) {
                    int allowed = Math.max(1, stages.getOrDefault(RAW_TOPIC, new StageLedger.Seen(Map.of())).of(id));
                    dup += Math.max(0, copies - allowed);
                    redelivered += Math.min(copies, allowed) - 1;
                } else {
                    redelivered += copies - 1;
                }
            }
            found.put(stage.getKey(), held);
        }
        long store = 0;
        long index = 0;
        long topic = 0;
        long anomaliesLost = 0;
        for (String id : ids) {
            int inStore = anomalyStore.of(id);
            int inIndex = anomalyIndex.of(id);
            int onTopic = anomalyTopic.of(id);
            if (inStore + inIndex + onTopic == 0) {
                continue;
            }
            store += Math.min(1, inStore);
            index += Math.min(1, inIndex);
            topic += Math.min(1, onTopic);
            if (inStore == 0 || inIndex == 0 || onTopic == 0) {
                anomaliesLost++;
            }
            dup += Math.max(0, inStore - 1) + Math.max(0, inIndex - 1);
            redelivered += Math.max(0, onTopic - 1);
        }
        long phaseLost = missing.size() + anomaliesLost;
        lost += phaseLost;
        duplicated += dup;
        return new Row(found, String.format(Locale.ROOT, "%,d/%,d/%,d", store, index, topic), phaseLost, dup,
                redelivered);
    }

    /** Nothing lost and nothing duplicated where exactly once is promised, over every row so far. */
    boolean clean() {
        return lost == 0 && duplicated == 0;
    }
}
