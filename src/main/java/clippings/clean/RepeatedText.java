package clippings.clean;

import clippings.text.CharRuns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Leaves out the paragraphs of a body that say again what earlier paragraphs said: text browsers print a page's
 * hidden copies of the story (print and app versions, structured data) after it, and a story never repeats a
 * paragraph of its own. Paragraphs are compared by their runs of four words, so a copy cut at other places
 * still counts as a copy.
 * <p>Stateless and thread-safe.
 */
final class RepeatedText {
    private static final int SHINGLE = 4;
    /** Paragraphs shorter than this many words may repeat: a pull quote, an interview's recurring question. */
    private static final int MIN_WORDS = 25;
    /** A paragraph with this share of its word runs already said is a copy. */
    private static final double COPY_SHARE = 0.8;

    private RepeatedText() {
    }

    static List<String> withoutCopies(List<String> paragraphs) {
        Map<String, Integer> vocabulary = new HashMap<>();
        Set<Shingle> said = new HashSet<>();
        List<String> out = new ArrayList<>(paragraphs.size());
        for (String p : paragraphs) {
            List<Shingle> shingles = shingles(p, vocabulary);
            if (shingles.size() + SHINGLE - 1 >= MIN_WORDS) {
                int seen = 0;
                for (Shingle s : shingles) if (said.contains(s)) seen++;
                if (seen >= shingles.size() * COPY_SHARE) continue;
            }
            said.addAll(shingles);
            out.add(p);
        }
        return out;
    }

    /**
     * A run of four words, each as its number in the body's vocabulary: comparing numbers, not the words
     * joined into a new string for every position of every paragraph (#7).
     */
    private record Shingle(int a, int b, int c, int d) {
    }

    private static List<Shingle> shingles(String text, Map<String, Integer> vocabulary) {
        List<Integer> words = new ArrayList<>();
        CharRuns.eachRun(text.toLowerCase(Locale.ROOT), CharRuns::letterOrNumber,
                word -> words.add(vocabulary.computeIfAbsent(word, w -> vocabulary.size())));
        List<Shingle> out = new ArrayList<>();
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            out.add(new Shingle(words.get(i), words.get(i + 1), words.get(i + 2), words.get(i + 3)));
        }
        return out;
    }
}
