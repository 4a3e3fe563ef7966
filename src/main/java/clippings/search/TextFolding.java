package clippings.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folds text to search terms: decompose (NFD), drop combining marks, lower-case, spell out the few letters that
 * do not decompose ({@code ß}, {@code æ}, {@code ø}…), then split on anything that is not a letter or a digit.
 * {@code assets/search.js} does exactly the same in the browser ({@code fold}, {@code terms}); change both or
 * neither.
 * <p>Stateless and thread-safe.
 */
final class TextFolding {
    static final int MAX_TERM = 40;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final String[][] LETTERS = {
            {"ß", "ss"}, {"æ", "ae"}, {"œ", "oe"}, {"ø", "o"}, {"đ", "d"}, {"ð", "d"}, {"ł", "l"}, {"ı", "i"},
            {"þ", "th"}, {"ς", "σ"}};

    private TextFolding() {
    }

    static String fold(String s) {
        String n = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        for (String[] l : LETTERS) n = n.replace(l[0], l[1]);
        return n;
    }

    static List<String> terms(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(fold(s));
        while (m.find()) {
            String t = m.group();
            if (t.length() <= MAX_TERM) out.add(t);
        }
        return out;
    }
}
