package io.energywatch.local;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * How far one consumer group (a listener's group or a Kafka Streams application id) is behind its topics: records
 * written to the partitions it reads that it has not committed yet. Empty when the group is unknown to the broker (it
 * has neither members nor committed offsets), which never counts as drained.
 */
record GroupLag(String group, OptionalLong records) {

    static GroupLag of(String group, long records) {
        return new GroupLag(group, OptionalLong.of(records));
    }

    static GroupLag unknown(String group) {
        return new GroupLag(group, OptionalLong.empty());
    }

    boolean drained() {
        return records.isPresent() && records.getAsLong() == 0;
    }

    /** "energywatch-fusion 1,234" or "energywatch-fusion unknown (not joined)". */
    String describe() {
        return group + " " + (records.isPresent() ? String.format(Locale.ROOT, "%,d", records.getAsLong())
                : "unknown (no members, no committed offsets)");
    }
}
