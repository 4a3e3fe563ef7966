package clippings.clean;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Leaves out the paragraphs of a body that say again what earlier paragraphs said: text browsers print a page's
 * hidden copies of the story (print and app versions, structured data) after it, and a story never repeats a
 * paragraph of its own. Paragraphs are compared by their runs of four words, so a copy cut at other places
 * still counts as a copy.
 * <p>Stateless and thread-safe.
 */
final class RepeatedText {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int SHINGLE = 4;
    /** Paragraphs shorter than this many words may repeat: a pull quote, an interview's recurring question. */
    private static final int MIN_WORDS = 25;
    /** A paragraph with this share of its word runs already said is a copy. */
    private static final double COPY_SHARE = 0.8;

    private RepeatedText() {
    }

    static List<String> withoutCopies(List<String> paragraphs) {
        Set<String> said = new HashSet<>();
        List<String> out = new ArrayList<>(paragraphs.size());
        for (String p : paragraphs) {
            List<String> shingles = shingles(p);
            if (shingles.size() + SHINGLE - 1 >= MIN_WORDS) {
                int seen = 0;
                for (String s : shingles) if (said.contains(s)) seen++;
                if (seen >= shingles.size() * COPY_SHARE) continue;
            }
            said.addAll(shingles);
            out.add(p);
        }
        return out;
    }

    private static List<String> shingles(String text) {
        List<String> words = new ArrayList<>();
        var m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) words.add(m.group());
        List<String> out = new ArrayList<>();
        for (int i = 0; i + SHINGLE <= words.size(); i++) out.add(String.join(" ", words.subList(i, i + SHINGLE)));
        return out;
    }
}
