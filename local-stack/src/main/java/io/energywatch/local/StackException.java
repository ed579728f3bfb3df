package io.energywatch.local;

/** A failure the user can act on; its message is printed as is, so it names the port, file or process involved. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
