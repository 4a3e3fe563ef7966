package clippings.serve;

/** The server could not start, e.g. because the port is taken; the message says what to do instead. */
public final class ServeException extends RuntimeException {
    public ServeException(String message, Throwable cause) {
        super(message, cause);
    }
}
