package io.energywatch.ingestion.formats;

import org.jspecify.annotations.Nullable;

/**
 * One record (or, when thrown before any record of a line is known, the whole line) failed validation. Thrown inside
 * parsers and turned into exactly one {@link RecordSink#reject} call; it carries no stack trace because it is routine.
 */
final class RecordRejected extends RuntimeException {

    private final @Nullable String field;

    RecordRejected(@Nullable String field, String reason) {
        super(reason, null, false, false);
        this.field = field;
    }

    @Nullable String field() {
        return field;
    }

    String reason() {
        return getMessage();
    }
}
