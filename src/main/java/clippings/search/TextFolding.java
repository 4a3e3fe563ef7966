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
        String n = CharRuns.withoutMarks(Normalizer.normalize(s, Normalizer.Form.NFD)).toLowerCase(Locale.ROOT);
        // One scan for the rare letters rather than one replace over the whole text per letter (#7).
        if (!hasAny(n, SPELLED_OUT)) return n;
        for (String[] l : LETTERS) n = n.replace(l[0], l[1]);
        return n;
    }

    /** The letters of {@link #LETTERS} that are spelled out. */
    private static final String SPELLED_OUT = String.join("", Arrays.stream(LETTERS).map(l -> l[0]).toList());

    private static boolean hasAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return true;
        return false;
    }

    static List<String> terms(String s) {
        List<String> out = new ArrayList<>();
        // Runs of letters and numbers ([\\p{L}\\p{N}]+), found without a regex: this reads every article's text.
        CharRuns.eachRun(fold(s), CharRuns::letterOrNumber, t -> {
            if (t.length() <= MAX_TERM) out.add(t);
        });
        return out;
    }
}
