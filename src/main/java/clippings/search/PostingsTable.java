package clippings.search;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Each term's postings ({@code doc, tf, doc, tf, …} in doc order), filled from the documents' term strings
 * ({@link SearchDoc#terms}) without cutting them into strings: a term already seen is found by comparing the
 * characters in place. A whole-archive pass makes a few million lookups, and a substring plus a {@code HashMap}
 * lookup for each was the larger part of rebuilding the search index (#7).
 * <p>Not thread-safe.
 */
final class PostingsTable {
    private String[] terms = new String[1 << 12];
    private int[] hashes = new int[terms.length];
    private IntList[] postings = new IntList[terms.length];
    private int size;

    /** Adds a document's {@code "term count term count …"}; documents come in increasing order. */
    void add(int doc, String termCounts) {
        parse(termCounts, (s, from, to, count) -> find(s, from, to).add(doc, count));
    }

    /** One term of a {@link SearchDoc#terms} string, {@code s.substring(from, to)}, and its count. */
    interface TermVisitor {
        void accept(String s, int from, int to, int count);
    }

    /** Visits each term and count of a {@link SearchDoc#terms} string, without cutting it into strings. */
    static void parse(String termCounts, TermVisitor visitor) {
        int n = termCounts.length();
        int i = 0;
        while (i < n) {
            int space = termCounts.indexOf(' ', i);
            if (space < 0) break;
            int count = 0;
            int j = space + 1;
            for (; j < n && termCounts.charAt(j) != ' '; j++) count = count * 10 + (termCounts.charAt(j) - '0');
            visitor.accept(termCounts, i, space, count);
            i = j + 1;
        }
    }

    /** Calls {@code action} with each term, as a string, and its count. */
    static void forEachTerm(String termCounts, java.util.function.ObjIntConsumer<String> action) {
        parse(termCounts, (s, from, to, count) -> action.accept(s.substring(from, to), count));
    }

    /** The postings by term. */
    Map<String, IntList> toMap() {
        Map<String, IntList> map = new HashMap<>(size * 2);
        for (int i = 0; i < terms.length; i++) if (terms[i] != null) map.put(terms[i], postings[i]);
        return map;
    }

    private IntList find(String s, int from, int to) {
        int h = 1;
        for (int k = from; k < to; k++) h = 31 * h + s.charAt(k);
        h ^= h >>> 16;
        int mask = terms.length - 1;
        int len = to - from;
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            String t = terms[slot];
            if (t == null) {
                terms[slot] = s.substring(from, to);
                hashes[slot] = h;
                postings[slot] = new IntList();
                IntList added = postings[slot];
                if (++size * 2 > terms.length) grow();
                return added;
            }
            if (hashes[slot] == h && t.length() == len && t.regionMatches(0, s, from, len)) return postings[slot];
        }
    }

    private void grow() {
        String[] oldTerms = terms;
        int[] oldHashes = hashes;
        IntList[] oldPostings = postings;
        terms = new String[oldTerms.length * 2];
        hashes = new int[terms.length];
        postings = new IntList[terms.length];
        int mask = terms.length - 1;
        for (int i = 0; i < oldTerms.length; i++) {
            if (oldTerms[i] == null) continue;
            int slot = oldHashes[i] & mask;
            while (terms[slot] != null) slot = (slot + 1) & mask;
            terms[slot] = oldTerms[i];
            hashes[slot] = oldHashes[i];
            postings[slot] = oldPostings[i];
        }
    }

    /** A growable int array: the postings of 100,000 articles would not fit as boxed integers. */
    static final class IntList {
        int[] data = new int[4];
        int size;

        void add(int a, int b) {
            if (size + 2 > data.length) data = Arrays.copyOf(data, data.length * 2);
            data[size++] = a;
            data[size++] = b;
        }

        /** Sets a document's count, keeping the documents in order. */
        void put(int doc, int count) {
            int i = find(doc);
            if (i >= 0) {
                data[2 * i + 1] = count;
                return;
            }
            int at = 2 * (-i - 1);
            if (size + 2 > data.length) data = Arrays.copyOf(data, Math.max(4, data.length * 2));
            System.arraycopy(data, at, data, at + 2, size - at);
            data[at] = doc;
            data[at + 1] = count;
            size += 2;
        }

        /** Takes a document out, if it is in. */
        void remove(int doc) {
            int i = find(doc);
            if (i < 0) return;
            System.arraycopy(data, 2 * i + 2, data, 2 * i, size - 2 * i - 2);
            size -= 2;
        }

        /** The pair number of a document, or {@code -(insertion point) - 1}. */
        private int find(int doc) {
            int lo = 0;
            int hi = size / 2 - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int v = data[2 * mid];
                if (v < doc) lo = mid + 1;
                else if (v > doc) hi = mid - 1;
                else return mid;
            }
            return -(lo + 1);
        }
    }
}
