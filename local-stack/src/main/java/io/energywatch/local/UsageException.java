package io.energywatch.local;

/** The command line is wrong; the message says how, and the usage text follows it. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
