package io.energywatch.local;

import java.util.List;

/** Where {@link PipelineDrain} reads consumer lag: Kafka itself, or a scripted sequence in tests. */
@FunctionalInterface
interface LagSource {

    /** The lag of each group, in the order given. */
    List<GroupLag> lag(List<String> groups);
}
