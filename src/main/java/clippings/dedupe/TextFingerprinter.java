package clippings.dedupe;

import clippings.model.Fingerprint;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Computes the MinHash {@link Fingerprint} of a text over its 5-word shingles, after folding case, accents and
 * punctuation, so that two captures of one story match even when quotes or white space differ.
 * <p>Immutable and thread-safe.
 */
public final class TextFingerprinter {
    static final int HASHES = 64;
    private static final int SHINGLE = 5;
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final long[] seeds = new long[HASHES];

    public TextFingerprinter() {
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < HASHES; i++) {
            x = mix(x + i);
            seeds[i] = x;
        }
    }

    public Fingerprint fingerprint(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        String[] words = Arrays.stream(NON_WORD.split(folded)).filter(w -> !w.isEmpty()).toArray(String[]::new);
        long[] min = new long[HASHES];
        Arrays.fill(min, Long.MAX_VALUE);
        int shingles = Math.max(0, words.length - SHINGLE + 1);
        if (words.length > 0 && shingles == 0) shingles = 1;
        for (int start = 0; start < shingles; start++) {
            long h = 1125899906842597L;
            for (int w = start; w < Math.min(words.length, start + SHINGLE); w++) h = 31 * h + words[w].hashCode();
            for (int i = 0; i < HASHES; i++) {
                long v = mix(h ^ seeds[i]);
                if (v < min[i]) min[i] = v;
            }
        }
        return new Fingerprint(min, shingles);
    }

    /** SplitMix64's finaliser: a cheap, well-spread 64-bit mix. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
