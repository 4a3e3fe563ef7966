package clippings.taxonomy;

import java.text.Normalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Folds a name to its identity key: ASCII (any script, via ICU {@code Any-Latin; Latin-ASCII}), lower case,
 * punctuation and hyphens as spaces, possessive {@code 's} and Arabic article prefixes ({@code al-}, {@code el-})
 * removed, so that {@code Bashar Al-Assad}, {@code Bashar al-Assad} and {@code bashar al assad} share one key.
 * Also gives the consonant skeleton of a word, which transliteration variants ({@code Khalid}/{@code Khaled},
 * {@code Muhammad}/{@code Mohammed}) share.
 * <p>Thread-safe: ICU transliterators are not, so the one instance is used under a lock, and only for names
 * that are not Latin script; its results are cached (bounded, concurrent map).
 */
final class NameFolder {
    /** Article prefixes dropped from the key; "al" alone as a first word is kept only when it is the whole name. */
    private static final Set<String> ARTICLES = Set.of("al", "el", "ul");


    private static final Pattern COMBINING = Pattern.compile("\\p{M}+");
    private final CachedTransliterator toAscii = new CachedTransliterator("Any-Latin; Latin-ASCII");

    /** The identity key of a name; empty when the name has no letter or digit. */
    String key(String name) {
        if (isKey(name)) return name;
        List<String> words = words(name);
        if (words.size() > 1) {
            List<String> kept = new ArrayList<>();
            for (String w : words) {
                if (!ARTICLES.contains(w)) kept.add(w);
            }
            if (!kept.isEmpty()) words = kept;
        }
        if (!words.isEmpty() && words.get(0).equals("the") && words.size() > 1) words = words.subList(1, words.size());
        return String.join(" ", words);
    }

    /**
     * Whether a name is its own key: lower-case ASCII words of letters and digits one space apart, none of
     * them an article prefix, and no leading {@code the} before another word. Most of what tagging folds is
     * (lower-case phrases, single words), and the full fold costs far more than this check (#7).
     */
    private static boolean isKey(String name) {
        int n = name.length();
        if (n == 0) return false;
        boolean several = name.indexOf(' ') >= 0;
        int start = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? name.charAt(i) : ' ';
            if (c == ' ') {
                if (i == start) return false; // a leading, trailing or second space
                if (several && (isArticle(name, start, i) || start == 0 && name.startsWith("the "))) return false;
                start = i + 1;
            } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isArticle(String s, int start, int end) {
        for (String a : ARTICLES) if (end - start == a.length() && s.startsWith(a, start)) return true;
        return false;
    }

    /** The words of a name folded to lower-case ASCII, article prefixes still in place. */
    List<String> words(String name) {
        // A hand-written scan, not a chain of regular expressions: this runs for every phrase of every
        // article, and the regex version was most of the tagging time.
        String s = ascii(name);
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c)) {
                w.append(c);
            } else if (c == '\'' || c == '`') {
                // possessive: Moscow's talks; other apostrophes vanish, so O'Rourke = ORourke
                if (i + 1 < n && (s.charAt(i + 1) == 's' || s.charAt(i + 1) == 'S') && !alnum(s, i + 2)) i++;
            } else if (c == '.' && alnum(s, i - 1) && !alnum(s, i - 2) && Character.isLetter(s.charAt(i - 1))
                    && i + 1 < n && Character.isLetter(s.charAt(i + 1)) && !alnum(s, i + 2)) {
                // U.S. = US: a dot between single letters joins them
            } else {
                flush(w, out);
            }
        }
        flush(w, out);
        return out;
    }

    private static boolean alnum(String s, int i) {
        return i >= 0 && i < s.length() && s.charAt(i) < 128 && Character.isLetterOrDigit(s.charAt(i));
    }

    private static void flush(StringBuilder w, List<String> out) {
        if (w.length() == 0) return;
        int len = w.length();
        if (len >= 3 && w.charAt(len - 1) == 's' && allUpperCase(w, len - 1)) {
            w.setLength(len - 1); // AMAs = AMA
        }
        out.add(w.toString().toLowerCase(Locale.ROOT));
        w.setLength(0);
    }

    /**
     * The consonant skeleton of one folded word: first letter kept, later vowels (and y, w, h after a
     * consonant) dropped, q as k, ph as f, doubled letters once. Arabic names written in Latin letters differ
     * mostly in their vowels, so equal skeletons are the evidence for a transliteration variant.
     */
    static String skeleton(String foldedWord) {
        if (foldedWord.isEmpty()) return foldedWord;
        String w = foldedWord.replace("ph", "f").replace('q', 'k').replace("ck", "k");
        StringBuilder b = new StringBuilder().append(w.charAt(0));
        for (int i = 1; i < w.length(); i++) {
            char c = w.charAt(i);
            if ("aeiouyw".indexOf(c) >= 0) continue;
            if (c == 'h' && i > 1 && "kgsdtz".indexOf(w.charAt(i - 1)) < 0) continue;
            if (b.charAt(b.length() - 1) == c) continue;
            b.append(c);
        }
        return b.toString();
    }

    private static boolean allUpperCase(CharSequence s, int end) {
        for (int i = 0; i < end; i++) if (!Character.isUpperCase(s.charAt(i))) return false;
        return true;
    }

    private String ascii(String s) {
        if (CachedTransliterator.isAscii(s)) return s;
        // Fast path for Latin text: typographic punctuation and accents need no transliterator, and ICU's
        // Any-Latin costs tens of microseconds a call (measured: 1.8 s for one Russian article without this).
        String latin = COMBINING.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("")
                .replace('’', '\'').replace('‘', '\'').replace('–', '-').replace('—', '-');
        if (CachedTransliterator.isAscii(latin)) return latin;
        return toAscii.transliterate(s);
    }
}
