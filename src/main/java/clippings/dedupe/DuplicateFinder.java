package clippings.dedupe;

import clippings.model.CanonicalUrl;
import clippings.model.Fingerprint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Groups the same story captured more than once: the same canonical URL, or texts whose word shingles are
 * near-identical. Candidates come from locality-sensitive hashing of the MinHash signatures (bands of
 * rows), so a large archive is not compared pair by pair; each candidate pair is then checked against the
 * similarity threshold.
 * <p>Immutable and thread-safe.
 */
public final class DuplicateFinder {
    /** Estimated Jaccard similarity above which two texts are one story; different stories score far lower. */
    public static final double THRESHOLD = 0.8;
    /** Share of the shorter text found in the longer one above which they are one story (one has extra chrome). */
    public static final double CONTAINMENT = 0.9;
    private static final int BANDS = 16;
    private static final int ROWS = TextFingerprinter.HASHES / BANDS;
    /** Texts this short (a caption, a one-line stub) say too little to call two articles the same. */
    private static final int MIN_SHINGLES = 20;

    /** One input to compare; {@code rank} orders the copies, lowest wins. */
    public record Candidate(String origin, String url, Fingerprint fingerprint, int rank) {
        /** The canonical form of the URL, by which two captures are one story; null without a URL. */
        String canonicalUrl() {
            return url == null || url.isEmpty() ? null : CanonicalUrl.normalise(url);
        }
    }

    /** {@code file} is the same story as {@code of}, which is published instead. */
    public record Duplicate(String file, String of, String reason) {
    }

    /** The duplicates among the candidates, sorted by file; each group keeps its best-ranked copy. */
    public List<Duplicate> find(List<Candidate> candidates) {
        return find(candidates, Buckets.of(candidates), canonicalUrls(candidates));
    }

    /** Each candidate's {@link Candidate#canonicalUrl}, in order. */
    static String[] canonicalUrls(List<Candidate> candidates) {
        String[] urls = new String[candidates.size()];
        for (int i = 0; i < urls.length; i++) urls[i] = candidates.get(i).canonicalUrl();
        return urls;
    }

    /** The same, with the candidates' buckets and {@link #canonicalUrls} already made. */
    List<Duplicate> find(List<Candidate> candidates, Buckets buckets, String[] urls) {
        int n = candidates.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;

        Map<String, Integer> byUrl = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String url = urls[i];
            if (url == null) continue;
            Integer other = byUrl.putIfAbsent(url, i);
            if (other != null) union(parent, other, i);
        }
        long[] entries = buckets.entries;
        int m = buckets.size;
        long low = buckets.low;
        for (int start = 0, end; start < m; start = end) {
            end = start + 1;
            while (end < m && (entries[end] & ~low) == (entries[start] & ~low)) end++;
            for (int a = start; a < end; a++) {
                for (int b = a + 1; b < end; b++) {
                    int i = (int) (entries[a] & low);
                    int j = (int) (entries[b] & low);
                    if (find(parent, i) == find(parent, j)) continue;
                    if (alike(candidates.get(i).fingerprint(), candidates.get(j).fingerprint())) union(parent, i, j);
                }
            }
        }

        Map<Integer, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < n; i++) groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
        Comparator<Integer> order = Comparator.comparingInt((Integer i) -> candidates.get(i).rank())
                .thenComparing(i -> candidates.get(i).origin());
        List<Duplicate> out = new ArrayList<>();
        for (List<Integer> g : groups.values()) {
            if (g.size() < 2) continue;
            g.sort(order);
            Candidate winner = candidates.get(g.get(0));
            for (int k = 1; k < g.size(); k++) {
                Candidate c = candidates.get(g.get(k));
                String url = urls[g.get(k)];
                boolean sameUrl = url != null && url.equals(urls[g.get(0)]);
                out.add(new Duplicate(c.origin(), winner.origin(), sameUrl ? "same canonical URL " + c.url()
                        : String.format(Locale.ROOT, "near-identical text (similarity %.2f, containment %.2f)",
                        c.fingerprint().similarity(winner.fingerprint()),
                        c.fingerprint().containment(winner.fingerprint()))));
            }
        }
        out.sort(Comparator.comparing(Duplicate::file));
        return out;
    }

    /** Whether two texts that share a bucket are one story. */
    static boolean alike(Fingerprint a, Fingerprint b) {
        return a.similarity(b) >= THRESHOLD || a.containment(b) >= CONTAINMENT;
    }

    /**
     * Every (band, candidate) pair as one long, sorted: the band's hash in the high bits, the candidate in the low
     * ones, so that every bucket's members are side by side, without a map of boxed lists. Dropping the hash's
     * low bits can only put more candidates in one bucket; every pair is checked anyway.
     */
    static final class Buckets {
        final long[] entries;
        final int size;
        /** The bits that hold the candidate. */
        final long low;

        private Buckets(long[] entries, int size, long low) {
            this.entries = entries;
            this.size = size;
            this.low = low;
        }

        static Buckets of(List<Candidate> candidates) {
            int n = candidates.size();
            long low = lowBits(n);
            long[] entries = new long[n * BANDS];
            int m = 0;
            for (int i = 0; i < n; i++) {
                for (long key : keys(candidates.get(i).fingerprint(), low)) entries[m++] = key | i;
            }
            Arrays.parallelSort(entries, 0, m);
            return new Buckets(entries, m, low);
        }

        /** The bits that hold a candidate's number in an archive of {@code n}. */
        static long lowBits(int n) {
            int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(n));
            return (1L << bits) - 1;
        }

        /** A fingerprint's bucket keys (without a candidate); none for a text too short to compare. */
        static long[] keys(Fingerprint f, long low) {
            if (f.shingles() < MIN_SHINGLES) return new long[0];
            long[] h = f.minHashes();
            long[] keys = new long[BANDS];
            for (int b = 0; b < BANDS; b++) {
                long key = b;
                for (int r = 0; r < ROWS; r++) key = key * 0x100000001B3L ^ h[b * ROWS + r];
                keys[b] = key & ~low;
            }
            return keys;
        }

        /** The candidates in the bucket of {@code key}. */
        int[] members(long key) {
            int at = Arrays.binarySearch(entries, 0, size, key);
            if (at < 0) at = -at - 1;
            int end = at;
            while (end < size && (entries[end] & ~low) == key) end++;
            int[] out = new int[end - at];
            for (int k = at; k < end; k++) out[k - at] = (int) (entries[k] & low);
            return out;
        }

        /**
         * These buckets with the entries of the candidates {@code changed} (sorted) replaced by those of their
         * fingerprints {@code now}: a merge of two sorted runs, not a new sort.
         */
        Buckets replace(int[] changed, Fingerprint[] now) {
            long[] added = new long[changed.length * BANDS];
            int a = 0;
            for (int c = 0; c < changed.length; c++) for (long key : keys(now[c], low)) added[a++] = key | changed[c];
            Arrays.sort(added, 0, a);
            long[] merged = new long[size + a];
            int m = 0;
            int k = 0;
            for (int i = 0; i < size; i++) {
                if (Arrays.binarySearch(changed, (int) (entries[i] & low)) >= 0) continue;
                while (k < a && added[k] < entries[i]) merged[m++] = added[k++];
                merged[m++] = entries[i];
            }
            while (k < a) merged[m++] = added[k++];
            return new Buckets(merged, m, low);
        }
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
}
