package clippings.model;

import java.util.Objects;

/**
 * Something wrong with one input, located as precisely as known; line and column are 0 when unknown.
 */
public record Problem(String file, int line, int column, String message) {
    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    public static Problem of(String file, String message) {
        return new Problem(file, 0, 0, message);
    }

    /** {@code file:line:col: message}, leaving out what is unknown. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) sb.append(':').append(column);
        }
        return sb.append(": ").append(message).toString();
    }
}
