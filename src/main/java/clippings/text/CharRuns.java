package clippings.text;

import java.util.function.IntPredicate;

/**
 * Runs of characters collapsed to one space, by a test on each code point rather than a regex: the cleaner
 * normalises every block and line of every page this way, and {@code Matcher.replaceAll} was a twentieth of
 * cleaning (#7).
 */
public final class CharRuns {
    private CharRuns() {
    }

    /** As {@code [ \t\n\x0B\f\r]}, the regex {@code \s}. */
    public static boolean regexSpace(int cp) {
        return cp == ' ' || cp == '\t' || cp == '\n' || cp == 0x0B || cp == '\f' || cp == '\r';
    }

    /** As the regex {@code [\p{L}\p{N}]}: a letter or a number of any script. */
    public static boolean letterOrNumber(int cp) {
        if (cp < 0x80) return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9';
        return (LETTERS_AND_NUMBERS >> Character.getType(cp) & 1) != 0;
    }

    private static final int LETTERS_AND_NUMBERS = 1 << Character.UPPERCASE_LETTER | 1 << Character.LOWERCASE_LETTER
            | 1 << Character.TITLECASE_LETTER | 1 << Character.MODIFIER_LETTER | 1 << Character.OTHER_LETTER
            | 1 << Character.DECIMAL_DIGIT_NUMBER | 1 << Character.LETTER_NUMBER | 1 << Character.OTHER_NUMBER;

    /**
     * The text with each run of code points that {@code kept} refuses replaced by one space: what
     * {@code Pattern.compile("[^kept]+").matcher(s).replaceAll(" ")} gives.
     */
    public static String collapse(String s, IntPredicate kept) {
        int n = s.length();
        int i = 0;
        // Most texts need nothing collapsed but their single spaces between words: find the first real change.
        while (i < n) {
            int cp = s.codePointAt(i);
            if (!kept.test(cp) && (cp != ' ' || i + 1 < n && !kept.test(s.codePointAt(i + 1)) || i + 1 == n)) break;
            i += Character.charCount(cp);
        }
        if (i == n) return s;
        StringBuilder out = new StringBuilder(n);
        out.append(s, 0, i);
        boolean inRun = false;
        while (i < n) {
            int cp = s.codePointAt(i);
            if (kept.test(cp)) {
                out.appendCodePoint(cp);
                inRun = false;
            } else if (!inRun) {
                out.append(' ');
                inRun = true;
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }
    /** Each maximal run of code points that {@code kept} accepts, in order: what {@code [kept]+}'s matches are. */
    public static void eachRun(String s, IntPredicate kept, java.util.function.Consumer<String> each) {
        int n = s.length();
        int start = -1;
        for (int i = 0; i < n; ) {
            int cp = s.codePointAt(i);
            if (kept.test(cp)) {
                if (start < 0) start = i;
            } else if (start >= 0) {
                each.accept(s.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) each.accept(s.substring(start));
    }

    /** How many runs of {@link #eachRun} the text has. */
    public static int countRuns(String s, IntPredicate kept) {
        int[] n = {0};
        eachRun(s, kept, run -> n[0]++);
        return n[0];
    }
    /**
     * Whether {@code s} has any of {@code chars}. Text is scanned for a few characters at many places (what a
     * renderer must escape, what folding must spell out), mostly finding none: characters above the highest of
     * them are passed over with one comparison.
     */
    public static boolean containsAny(String s, String chars) {
        char highest = 0;
        for (int i = 0; i < chars.length(); i++) highest = (char) Math.max(highest, chars.charAt(i));
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c <= highest && chars.indexOf(c) >= 0) return true;
        }
        return false;
    }

    /**
     * The text without its combining marks ({@code \\p{M}}: non-spacing, enclosing and spacing), as
     * {@code replaceAll("\\p{M}+", "")} gives it; most text, below U+0300, is passed over a char at a time.
     */
    public static String withoutMarks(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); ) {
            char ch = s.charAt(i);
            if (ch < 0x300) {
                if (b != null) b.append(ch);
                i++;
                continue;
            }
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            if ((MARKS >> Character.getType(cp) & 1) != 0) {
                if (b == null) b = new StringBuilder(s.length()).append(s, 0, i);
            } else if (b != null) {
                b.append(s, i, i + n);
            }
            i += n;
        }
        return b == null ? s : b.toString();
    }

    private static final int MARKS = 1 << Character.NON_SPACING_MARK | 1 << Character.ENCLOSING_MARK
            | 1 << Character.COMBINING_SPACING_MARK;
}
