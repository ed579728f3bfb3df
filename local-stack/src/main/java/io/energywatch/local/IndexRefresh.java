package io.energywatch.local;

import java.util.List;

/** Makes what was indexed visible to searches before a summary counts it: Elasticsearch's refresh, or a fake. */
@FunctionalInterface
interface IndexRefresh {

    /** Refreshes the aliases; an alias with no index yet is not an error (nothing was indexed into it). */
    void refresh(List<String> aliases);
}
