package io.energywatch.ingestion.formats;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one source format as a stream: memory stays bounded whatever the file size, and every record read ends in exactly
 * one {@link RecordSink} call.
 */
public interface SourceParser {

    SourceFormat format();

    /**
     * Parses the whole stream. A line that cannot be read is rejected and parsing goes on; only an upload that is unreadable
     * as a whole (wrong format, binary, empty) throws {@link UnreadableUploadException}.
     */
    void parse(InputStream in, ParseContext context, RecordSink sink) throws IOException;

    /**
     * True when the format is a header line and one record per line, so its lines can be read in any order
     * ({@link ParseContext#fromTheEnd}).
     */
    default boolean lineBased() {
        return false;
    }
}
