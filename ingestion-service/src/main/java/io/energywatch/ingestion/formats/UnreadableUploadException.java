package io.energywatch.ingestion.formats;

/** An upload that cannot be read at all: empty, binary, an unknown format, a format that does not fit the kind. */
public class UnreadableUploadException extends RuntimeException {

    public UnreadableUploadException(String message) {
        super(message);
    }
}
