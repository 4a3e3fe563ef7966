package clippings.taxonomy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The titles and honorifics of one language ({@code President}, {@code Prime Minister}), found at a position in
 * a run of words, ignoring case as {@link String#equalsIgnoreCase} does.
 * <p>Tagging asks for a title at almost every capitalised word of every article: the titles are indexed by
 * their first word, so a word that starts no title costs one map look-up instead of a pass over every title
 * (#7). Immutable and thread-safe.
 */
final class Titles {
    /** A title before a name; prominent titles (heads of state and government) add salience. */
    record Title(List<String> words, boolean prominent) { }

    /** Longest first: "Prime Minister" before "Minister". */
    private final List<Title> all;
    /** Case-folded first word → the titles starting with it, in the order of {@link #all}. */
    private final Map<String, List<Title>> byFirstWord = new HashMap<>();

    Titles(List<Title> titles) {
        List<Title> sorted = new ArrayList<>(titles);
        sorted.sort((a, b) -> b.words().size() - a.words().size()); // stable: file order within one length
        this.all = List.copyOf(sorted);
        for (Title t : all) byFirstWord.computeIfAbsent(fold(t.words().get(0)), w -> new ArrayList<>()).add(t);
    }

    /** How many words of a title start at {@code k}, or 0; the longest title wins. */
    int lengthAt(List<String> words, int k) {
        List<Title> candidates = byFirstWord.get(fold(words.get(k)));
        if (candidates == null) return 0;
        for (Title t : candidates) {
            int n = t.words().size();
            if (k + n > words.size()) continue;
            boolean match = true;
            for (int j = 0; j < n && match; j++) match = t.words().get(j).equalsIgnoreCase(words.get(k + j));
            if (match) return n;
        }
        return 0;
    }

    /** Whether the {@code n} words at {@code k} are a prominent title. */
    boolean prominentAt(List<String> words, int k, int n) {
        String found = String.join(" ", words.subList(k, k + n));
        for (Title t : all) {
            if (t.words().size() == n && t.prominent() && String.join(" ", t.words()).equalsIgnoreCase(found)) return true;
        }
        return false;
    }

    /**
     * A key that two words share whenever {@link String#equalsIgnoreCase} holds between them: each code point
     * upper-cased, then lower-cased, as that comparison does character by character.
     */
    static String fold(String word) {
        StringBuilder b = null;
        for (int i = 0; i < word.length(); ) {
            int c = word.codePointAt(i);
            int f = Character.toLowerCase(Character.toUpperCase(c));
            if (f != c && b == null) b = new StringBuilder(word.length()).append(word, 0, i);
            if (b != null) b.appendCodePoint(f);
            i += Character.charCount(c);
        }
        return b == null ? word : b.toString();
    }
}
