package clippings.clean;

import java.util.Optional;

/**
 * The text a chrome pattern cannot match without: a run of literal characters outside every group, class and
 * quantifier, so that a line lacking it is known not to match before the pattern runs.
 * <p>Only patterns that may begin with any character are worth a guard. A pattern such as
 * {@code .{0,300}\bcookies\b.{0,300}...} is tried by {@code matches()} from every split of the line, and two of
 * them took two thirds of the time spent deciding whether scrape lines are chrome (#7); a pattern that begins
 * with a letter fails at the line's first character anyway.
 * <p>The parse is conservative: whatever it does not understand (top-level alternation, flags, {@code \Q},
 * numbered escapes) gives no guard, which only costs the time the guard would have saved.
 * <p>Stateless and thread-safe.
 */
final class LiteralGuard {
    /** Shorter runs are in most lines of prose and would not spare the pattern. */
    static final int MIN_LENGTH = 3;

    private LiteralGuard() {
    }

    /**
     * The folded text ({@link #fold}) that any line the pattern matches contains, when the pattern begins with a
     * dot and has such a run.
     */
    static Optional<String> of(String regex) {
        if (!regex.startsWith(".")) return Optional.empty();
        String best = "";
        StringBuilder run = new StringBuilder();
        int depth = 0;
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (i + 1 >= regex.length()) return Optional.empty();
                    char e = regex.charAt(i + 1);
                    if (Character.isLetterOrDigit(e)) {
                        // \b, \d, \w and \s stand for no literal; other letter escapes (\Q, \x41, \p{L}, \1) are
                        // not parsed.
                        if ("bBdDwWsS".indexOf(e) < 0) return Optional.empty();
                        best = longer(best, run, depth);
                        run.setLength(0);
                    } else if (depth == 0) {
                        run.append(e);
                    }
                    i += 2;
                    continue;
                }
                case '[' -> {
                    best = longer(best, run, depth);
                    run.setLength(0);
                    i = afterClass(regex, i);
                    if (i < 0) return Optional.empty();
                    continue;
                }
                case '(' -> {
                    // Inline flags (?x) and the like could change what a literal means.
                    if (regex.startsWith("(?", i) && !regex.startsWith("(?:", i) && !regex.startsWith("(?=", i)
                            && !regex.startsWith("(?!", i)) {
                        return Optional.empty();
                    }
                    best = longer(best, run, depth);
                    run.setLength(0);
                    depth++;
                }
                case ')' -> {
                    depth--;
                    if (depth < 0) return Optional.empty();
                }
                case '|' -> {
                    if (depth == 0) return Optional.empty();
                }
                case '?', '*', '+', '{' -> {
                    // The quantified character may be absent or repeated: the run ends before it. (After a group,
                    // or inside one, the run is empty.)
                    if (run.length() > 0) run.setLength(run.length() - 1);
                    best = longer(best, run, depth);
                    run.setLength(0);
                    if (c == '{') {
                        int close = regex.indexOf('}', i);
                        if (close < 0) return Optional.empty();
                        i = close;
                    }
                }
                case '.', '^', '$' -> {
                    best = longer(best, run, depth);
                    run.setLength(0);
                }
                default -> {
                    if (depth == 0) {
                        if (Character.isSurrogate(c)) return Optional.empty();
                        run.append(c);
                    }
                }
            }
            i++;
        }
        if (depth != 0) return Optional.empty();
        best = longer(best, run, 0);
        return best.length() >= MIN_LENGTH ? Optional.of(fold(best)) : Optional.empty();
    }

    /**
     * The line as a case-insensitive, Unicode-case pattern compares it, character by character: two characters
     * match when their folds are equal (the JDK folds with {@code toLowerCase(toUpperCase(c))}).
     */
    static String fold(CharSequence text) {
        char[] folded = new char[text.length()];
        for (int i = 0; i < folded.length; i++) {
            char c = text.charAt(i);
            folded[i] = c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c)
                    : Character.toLowerCase(Character.toUpperCase(c));
        }
        return new String(folded);
    }

    private static String longer(String best, StringBuilder run, int depth) {
        // Ties go to the later run: in a chrome pattern the words after a leading filler are the rarer ones.
        return depth == 0 && run.length() >= best.length() ? run.toString() : best;
    }

    /** The index after the character class opening at {@code open}, or -1 when it is not understood. */
    private static int afterClass(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') i++;
        if (i < regex.length() && regex.charAt(i) == ']') return -1;
        int depth = 1;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') depth++;
            if (c == ']' && --depth == 0) return i + 1;
            i++;
        }
        return -1;
    }
}
