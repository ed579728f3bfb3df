package io.energywatch.ingestion.jobs;

import io.energywatch.service.web.DuplicatePolicy;

/**
 * How an upload's consumption records were put in order, as the job reports it: the policy asked for and, once the
 * job has read its input, what was done. Counts are records.
 *
 * @param duplicates         the duplicates policy: first, last, mean or reject
 * @param reorderWindow      how many records are held to sort them by time
 * @param newestFirst        the file lists its series newest first and was read from its last line up
 * @param duplicatesDropped  repeats of a series and interval start dropped ({@code first}, {@code last})
 * @param duplicatesMerged   repeats folded into their mean ({@code mean}); the merged record counts as accepted
 * @param duplicatesRejected repeats rejected ({@code reject}), each naming its line
 * @param rowsReordered      records read after a later record of their series and moved into place
 * @param lateOutOfOrder     records older than what their series had already released (further out of place than
 *                           the window), accepted and published out of order
 */
public record UploadOrdering(String duplicates, int reorderWindow, boolean newestFirst, long duplicatesDropped,
                             long duplicatesMerged, long duplicatesRejected, long rowsReordered, long lateOutOfOrder) {

    static UploadOrdering requested(DuplicatePolicy policy, int reorderWindow) {
        return new UploadOrdering(policy.label(), reorderWindow, false, 0, 0, 0, 0, 0);
    }

    DuplicatePolicy policy() {
        return DuplicatePolicy.parse(duplicates);
    }
}
