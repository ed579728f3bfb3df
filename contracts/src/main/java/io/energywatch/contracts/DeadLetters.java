package io.energywatch.contracts;

/**
 * Dead-letter conventions: a rejected record goes to its input topic's name plus {@code .dlq}, its value the original
 * bytes (or the source line), the reason in these headers (UTF-8 strings).
 */
public final class DeadLetters {

    public static final String SUFFIX = ".dlq";
    /** Why the record was rejected, one sentence. */
    public static final String REASON = "dlq_reason";
    /** The field at fault, when one is. */
    public static final String FIELD = "dlq_field";
    /** The source line number, for rows of an uploaded file. */
    public static final String LINE = "dlq_line";
    /** File name, poller id or input topic the record came from. */
    public static final String ORIGIN = "dlq_origin";
    /** The ingestion job that rejected it. */
    public static final String JOB = "dlq_job";

    private DeadLetters() {
    }
}
