package clippings.model;

import java.util.Arrays;

/**
 * A MinHash signature of an article's text: two texts' signatures agree in about the share of positions that
 * equals the Jaccard similarity of their word shingles. Small enough to keep for every article of a large
 * archive, unlike the texts themselves.
 */
public record Fingerprint(long[] minHashes, int shingles) {
    public Fingerprint {
        minHashes = minHashes.clone();
    }

    @Override
    public long[] minHashes() {
        return minHashes.clone();
    }

    /** Estimated Jaccard similarity of the two texts' shingle sets. */
    public double similarity(Fingerprint other) {
        if (shingles == 0 || other.shingles == 0) return 0;
        int same = 0;
        for (int i = 0; i < minHashes.length; i++) if (minHashes[i] == other.minHashes[i]) same++;
        return (double) same / minHashes.length;
    }

    /**
     * Estimated share of the smaller text's shingles that the other text also has: high when one capture is
     * the other plus page chrome. Derived from the Jaccard estimate and the two set sizes.
     */
    public double containment(Fingerprint other) {
        double j = similarity(other);
        if (j == 0) return 0;
        double common = j * (shingles + other.shingles) / (1 + j);
        return Math.min(1, common / Math.min(shingles, other.shingles));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && f.shingles == shingles && Arrays.equals(f.minHashes, minHashes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(minHashes) + shingles;
    }

    @Override
    public String toString() {
        return "Fingerprint[" + shingles + " shingles]";
    }
}
