package io.energywatch.ingestion.formats;

/** The raw text attached to a rejection: the source line, cut so a rejection never carries megabytes. */
final class Raw {

    static final int MAX_CHARS = 1_000;

    private Raw() {
    }

    static String cut(String raw) {
        return raw.length() <= MAX_CHARS ? raw : raw.substring(0, MAX_CHARS) + "…";
    }
}
