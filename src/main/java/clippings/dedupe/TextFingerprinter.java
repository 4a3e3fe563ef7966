package clippings.dedupe;

import clippings.model.Fingerprint;
import clippings.text.CharRuns;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Computes the MinHash {@link Fingerprint} of a text over its 5-word shingles, after folding case, accents and
 * punctuation, so that two captures of one story match even when quotes or white space differ.
 * <p>Immutable and thread-safe.
 */
public final class TextFingerprinter {
    static final int HASHES = 64;
    private static final int SHINGLE = 5;

    private final long[] seeds = new long[HASHES];

    public TextFingerprinter() {
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < HASHES; i++) {
            x = mix(x + i);
            seeds[i] = x;
        }
    }

    public Fingerprint fingerprint(String text) {
        int[] words = wordHashes(folded(text));
        long[] min = new long[HASHES];
        Arrays.fill(min, Long.MAX_VALUE);
        int shingles = Math.max(0, words.length - SHINGLE + 1);
        if (words.length > 0 && shingles == 0) shingles = 1;
        for (int start = 0; start < shingles; start++) {
            long h = 1125899906842597L;
            for (int w = start; w < Math.min(words.length, start + SHINGLE); w++) h = 31 * h + words[w];
            for (int i = 0; i < HASHES; i++) {
                long v = mix(h ^ seeds[i]);
                if (v < min[i]) min[i] = v;
            }
        }
        return new Fingerprint(min, shingles);
    }

    /** Decomposed, without combining marks ({@code \p{M}}), then lower case. */
    static String folded(String text) {
        return CharRuns.withoutMarks(Normalizer.normalize(text, Normalizer.Form.NFD)).toLowerCase(Locale.ROOT);
    }

    /**
     * The {@link String#hashCode} of each word: each maximal run of letters and numbers ({@code \p{L}},
     * {@code \p{N}}). A hand-written scan, not a regular expression split into strings: this runs over the
     * whole text of every article (#7).
     */
    static int[] wordHashes(String folded) {
        int[] out = new int[16];
        int count = 0;
        int h = 0;
        boolean inWord = false;
        int length = folded.length();
        for (int i = 0; i <= length; ) {
            int c = i == length ? ' ' : folded.codePointAt(i);
            boolean word = i < length && CharRuns.letterOrNumber(c);
            int n = Character.charCount(c);
            if (word) {
                for (int k = i; k < i + n; k++) h = 31 * h + folded.charAt(k);
                inWord = true;
            } else if (inWord) {
                if (count == out.length) out = Arrays.copyOf(out, count * 2);
                out[count++] = h;
                h = 0;
                inWord = false;
            }
            i += n;
        }
        return Arrays.copyOf(out, count);
    }

    /** SplitMix64's finaliser: a cheap, well-spread 64-bit mix. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
