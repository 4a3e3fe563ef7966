package clippings.taxonomy;

import com.ibm.icu.text.Transliterator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Folds a name to its identity key: ASCII (any script, via ICU {@code Any-Latin; Latin-ASCII}), lower case,
 * punctuation and hyphens as spaces, possessive {@code 's} and Arabic article prefixes ({@code al-}, {@code el-})
 * removed, so that {@code Bashar Al-Assad}, {@code Bashar al-Assad} and {@code bashar al assad} share one key.
 * Also gives the consonant skeleton of a word, which transliteration variants ({@code Khalid}/{@code Khaled},
 * {@code Muhammad}/{@code Mohammed}) share.
 * <p>Thread-safe: ICU transliterators are not, so the one instance is used under a lock, and only for names
 * that are not plain ASCII already.
 */
final class NameFolder {
    /** Article prefixes dropped from the key; "al" alone as a first word is kept only when it is the whole name. */
    private static final Set<String> ARTICLES = Set.of("al", "el", "ul");

    private final Transliterator toAscii = Transliterator.getInstance("Any-Latin; Latin-ASCII");

    /** The identity key of a name; empty when the name has no letter or digit. */
    String key(String name) {
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

    /** The words of a name folded to lower-case ASCII, article prefixes still in place. */
    List<String> words(String name) {
        String s = ascii(name).replaceAll("\\b(\\p{Lu}{2,})s\\b", "$1") // AMAs = AMA
                .toLowerCase(Locale.ROOT)
                .replaceAll("['’`]s\\b", "")      // possessive: Moscow's talks
                .replaceAll("['’`]", "")          // O'Rourke = ORourke, so O’Rourke folds the same
                .replaceAll("(?<=\\b[a-z])\\.(?=[a-z]\\b)", "") // U.S. -> us
                .replaceAll("[^a-z0-9]+", " ")
                .strip();
        List<String> out = new ArrayList<>();
        if (s.isEmpty()) return out;
        for (String w : s.split(" ")) out.add(w);
        return out;
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

    private String ascii(String s) {
        if (s.chars().allMatch(c -> c < 128)) return s;
        synchronized (toAscii) {
            return toAscii.transliterate(s);
        }
    }
}
