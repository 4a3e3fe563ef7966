package clippings.taxonomy;

/**
 * Finds the words of a text as the regular expression {@code [\p{L}\p{N}][\p{L}\p{M}\p{N}’'.&\-]*} would: a
 * letter or digit, then letters, marks, digits, apostrophes, dots, ampersands and hyphens.
 * <p>Tagging reads every word of every article, and the regular expression took half of the tokenising time
 * (#7); this is the same scan by hand. Stateless and thread-safe.
 */
final class TokenScanner {
    private static final int LETTER = 1 << Character.UPPERCASE_LETTER | 1 << Character.LOWERCASE_LETTER
            | 1 << Character.TITLECASE_LETTER | 1 << Character.MODIFIER_LETTER | 1 << Character.OTHER_LETTER;
    private static final int NUMBER = 1 << Character.DECIMAL_DIGIT_NUMBER | 1 << Character.LETTER_NUMBER
            | 1 << Character.OTHER_NUMBER;
    private static final int MARK = 1 << Character.NON_SPACING_MARK | 1 << Character.ENCLOSING_MARK
            | 1 << Character.COMBINING_SPACING_MARK;

    private TokenScanner() {
    }

    /** Where the next word starts at or after {@code from}, or -1 when there is none. */
    static int start(String s, int from) {
        for (int i = from; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (is(c, LETTER | NUMBER)) return i;
            i += Character.charCount(c);
        }
        return -1;
    }

    /** Where the word that starts at {@code start} ends (exclusive). */
    static int end(String s, int start) {
        int i = start + Character.charCount(s.codePointAt(start));
        while (i < s.length()) {
            int c = s.codePointAt(i);
            if (!(c == '’' || c == '\'' || c == '.' || c == '&' || c == '-' || is(c, LETTER | MARK | NUMBER))) break;
            i += Character.charCount(c);
        }
        return i;
    }

    private static boolean is(int codePoint, int categories) {
        if (codePoint < 128) { // ASCII: most of the text
            return codePoint >= 'a' && codePoint <= 'z' || codePoint >= 'A' && codePoint <= 'Z'
                    ? (categories & LETTER) != 0
                    : codePoint >= '0' && codePoint <= '9' && (categories & NUMBER) != 0;
        }
        return (categories >> Character.getType(codePoint) & 1) != 0;
    }
}
