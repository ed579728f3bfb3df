package io.energywatch.ingestion.formats;

import io.energywatch.contracts.EnergyWatchEvent;
import org.jspecify.annotations.Nullable;

/**
 * Receives the outcome of every record a parser reads, in file order. One source line may hold several records (an ODRÉ
 * line has an electricity and a gas value; a seed gas line 24 hourly values and a movement flag): each is one call.
 * The job's counts are per record: records read = accepted + rejected + duplicates. Calls come in the order the
 * job reads: file order, or time order where an upload is sorted (lines then arrive out of file order).
 */
public interface RecordSink {

    /** A record that passed validation. */
    void accept(long line, EnergyWatchEvent event);

    /**
     * A record that failed validation.
     *
     * @param line   1-based line number in the file, header included
     * @param field  the column or field at fault ({@code null} when the line as a whole is unreadable)
     * @param reason one sentence naming the problem and the offending value
     * @param raw    the source line (truncated by the caller if long)
     */
    void reject(long line, @Nullable String field, String reason, String raw);

    /**
     * A record the upload repeats (same key), dropped or merged into another under the upload's duplicates policy: it
     * counts among the job's duplicates, as a record stored before does. The default ignores it.
     */
    default void duplicate(long line, EnergyWatchEvent dropped) {
    }

    /** Bytes consumed so far, for progress. Parsers call it now and then; the default ignores it. */
    default void progress(long bytesRead) {
    }
}
