package io.energywatch.local;

/** ingestion-service refused a request with a 4xx problem+json; {@code detail} is its explanation. */
final class UploadRejectedException extends StackException {

    private final int status;
    private final String detail;

    UploadRejectedException(int status, String detail) {
        super("HTTP " + status + ": " + detail);
        this.status = status;
        this.detail = detail;
    }

    int status() {
        return status;
    }

    String detail() {
        return detail;
    }
}
