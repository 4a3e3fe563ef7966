package clippings.model;

/** Thrown by a stage when one input cannot be turned into an article; the build reports it and goes on. */
public final class InputException extends RuntimeException {
    private final int line;
    private final int column;

    public InputException(String message) {
        this(message, 0, 0);
    }

    public InputException(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public int line() { return line; }

    public int column() { return column; }

    public Problem toProblem(String file) {
        return new Problem(file, line, column, getMessage());
    }
}
