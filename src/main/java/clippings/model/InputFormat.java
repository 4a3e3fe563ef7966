package clippings.model;

/** The kinds of file that {@code content/} may hold, told apart by file name extension. */
public enum InputFormat {
    TEXT, HTML, MARKDOWN;

    /** The format for a file name, or empty when Clippings does not read that kind of file. */
    public static java.util.Optional<InputFormat> ofFileName(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".txt")) return java.util.Optional.of(TEXT);
        if (lower.endsWith(".html") || lower.endsWith(".htm")) return java.util.Optional.of(HTML);
        if (lower.endsWith(".md") || lower.endsWith(".markdown")) return java.util.Optional.of(MARKDOWN);
        return java.util.Optional.empty();
    }
}
