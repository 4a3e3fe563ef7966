package clippings.search;

import clippings.text.CharRuns;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Folds text to search terms: decompose (NFD), drop combining marks, lower-case, spell out the few letters that
 * do not decompose ({@code ß}, {@code æ}, {@code ø}…), then split on anything that is not a letter or a digit.
 * {@code assets/search.js} does exactly the same in the browser ({@code fold}, {@code terms}); change both or
 * neither.
 * <p>Stateless and thread-safe.
 */
final class TextFolding {
    static final int MAX_TERM = 40;
    private static final String[][] LETTERS = {
            {"ß", "ss"}, {"æ", "ae"}, {"œ", "oe"}, {"ø", "o"}, {"đ", "d"}, {"ð", "d"}, {"ł", "l"}, {"ı", "i"},
            {"þ", "th"}, {"ς", "σ"}};

    private TextFolding() {
    }

    static String fold(String s) {
        // Most news text has nothing to decompose: the normaliser is then skipped, which was a third of folding
        // every article for the search index (#7).
        String decomposed = decomposable(s) ? CharRuns.withoutMarks(Normalizer.normalize(s, Normalizer.Form.NFD)) : s;
        String n = decomposed.toLowerCase(Locale.ROOT);
        // One scan for the rare letters rather than one replace over the whole text per letter (#7).
        if (!CharRuns.containsAny(n, SPELLED_OUT)) return n;
        for (String[] l : LETTERS) n = n.replace(l[0], l[1]);
        return n;
    }

    /**
     * Whether the text may have a character that NFD changes or a combining mark: anything but ASCII, the
     * Latin-1 signs below {@code À} and the general punctuation past the spaces (dashes, curly quotes, the
     * ellipsis), which {@code TextFoldingTest} checks one by one.
     */
    static boolean decomposable(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0xC0 && (c < 0x2010 || c > 0x205E)) return true;
        }
        return false;
    }

    /** The letters of {@link #LETTERS} that are spelled out. */
    private static final String SPELLED_OUT = String.join("", Arrays.stream(LETTERS).map(l -> l[0]).toList());

    static List<String> terms(String s) {
        List<String> out = new ArrayList<>();
        // Runs of letters and numbers ([\\p{L}\\p{N}]+), found without a regex: this reads every article's text.
        CharRuns.eachRun(fold(s), CharRuns::letterOrNumber, t -> {
            if (t.length() <= MAX_TERM) out.add(t);
        });
        return out;
    }
}
