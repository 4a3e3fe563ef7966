package clippings.clean;

import java.util.function.IntPredicate;

/**
 * Runs of characters collapsed to one space, by a test on each code point rather than a regex: the cleaner
 * normalises every block and line of every page this way, and {@code Matcher.replaceAll} was a twentieth of
 * cleaning (#7).
 */
final class CharRuns {
    private CharRuns() {
    }

    /** As {@code [ \t\n\x0B\f\r]}, the regex {@code \s}. */
    static boolean regexSpace(int cp) {
        return cp == ' ' || cp == '\t' || cp == '\n' || cp == 0x0B || cp == '\f' || cp == '\r';
    }

    /** As the regex {@code [\p{L}\p{N}]}: a letter or a number of any script. */
    static boolean letterOrNumber(int cp) {
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
    static String collapse(String s, IntPredicate kept) {
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
    static void eachRun(String s, IntPredicate kept, java.util.function.Consumer<String> each) {
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
    static int countRuns(String s, IntPredicate kept) {
        int[] n = {0};
        eachRun(s, kept, run -> n[0]++);
        return n[0];
    }
}
