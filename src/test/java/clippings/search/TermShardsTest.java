package clippings.search;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TermShardsTest {
    private final Random random = new Random(20261206);

    /** Terms over a small alphabet, many sharing their first letters, so that groups split into shards. */
    private String term() {
        int rank = (int) Math.floor(Math.pow(random.nextDouble(), 3) * 6000);
        String letters = Integer.toString(rank, 5).replace('0', 'a').replace('1', 'b').replace('2', 'c')
                .replace('3', 'd').replace('4', 'é');
        return rank % 7 == 0 ? letters : "a" + letters;
    }

    private SearchDoc doc(int terms) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < terms; i++) counts.merge(term(), 1 + random.nextInt(3), Integer::sum);
        return docOf(counts, List.of("row " + random.nextInt()));
    }

    private List<SearchDoc> docs(int n) {
        List<SearchDoc> docs = new ArrayList<>();
        for (int d = 0; d < n; d++) docs.add(doc(60));
        return docs;
    }

    private static TermShards fromScratch(List<SearchDoc> docs) {
        TermShards.Builder b = new TermShards.Builder(docs.size());
        docs.forEach(b::add);
        return b.build(docs);
    }

    /** Every shard file, by path: its digest and its content. */
    private static Map<String, String> files(TermShards shards) {
        Map<String, String> files = new java.util.concurrent.ConcurrentSkipListMap<>();
        shards.write(f -> files.put(f.path(), f.digest().orElseThrow() + "\n" + new String(f.content(), StandardCharsets.UTF_8)));
        return files;
    }

    @Test
    void updatedShardsAreTheShardsMadeFromScratch() {
        List<SearchDoc> docs = new ArrayList<>();
        for (int d = 0; d < 400; d++) docs.add(doc(20 + random.nextInt(200)));
        TermShards kept = fromScratch(docs);
        Map<String, String> first = files(kept);
        assertTrue(first.size() > 5, "the terms fill several shards: " + first.keySet());

        for (int step = 0; step < 25; step++) {
            int edits = 1 + random.nextInt(step % 5 == 0 ? 30 : 3);
            for (int i = 0; i < edits; i++) {
                // Now and then a document grows or shrinks a lot, which moves the average length.
                int size = random.nextInt(4) == 0 ? 1 + random.nextInt(3000) : 20 + random.nextInt(200);
                docs.set(random.nextInt(docs.size()), doc(size));
            }
            assertTrue(kept.update(List.copyOf(docs)), "step " + step);
            TermShards clean = fromScratch(List.copyOf(docs));
            assertEquals(clean.keys(), kept.keys(), "step " + step);
            assertEquals(files(clean), files(kept), "step " + step);
        }
    }

    /**
     * Edits as people make them: a few words added to or taken from a document that keeps most of its words, on
     * an archive whose commonest words are on nearly every document (an update then encodes only the lists whose
     * weights moved). Updated, the shards must still be those made from scratch.
     */
    @Test
    void smallEditsUpdateTheShardsMadeFromScratch() {
        List<SearchDoc> docs = new ArrayList<>();
        for (int d = 0; d < 300; d++) docs.add(withCommonWords(doc(40 + random.nextInt(80))));
        TermShards kept = fromScratch(docs);
        for (int step = 0; step < 40; step++) {
            int d = random.nextInt(docs.size());
            docs.set(d, edited(docs.get(d)));
            assertTrue(kept.update(List.copyOf(docs)), "step " + step);
            assertEquals(files(fromScratch(List.copyOf(docs))), files(kept), "step " + step);
        }
    }

    /** The document with the words "the" and "and", on every document, a few times each. */
    private SearchDoc withCommonWords(SearchDoc doc) {
        Map<String, Integer> counts = counts(doc);
        counts.put("the", 1 + random.nextInt(9));
        counts.put("and", 1 + random.nextInt(4));
        return docOf(counts, doc.row());
    }

    /** The document with a few of its words counted once more or once less, and now and then a word new to it. */
    private SearchDoc edited(SearchDoc doc) {
        Map<String, Integer> counts = counts(doc);
        List<String> words = new ArrayList<>(counts.keySet());
        for (int i = random.nextInt(6); i >= 0; i--) {
            String w = words.get(random.nextInt(words.size()));
            if (!counts.containsKey(w)) continue; // taken out a moment ago
            int c = counts.get(w) + (random.nextBoolean() ? 1 : -1);
            if (c > 0 || w.equals("the") || w.equals("and")) counts.put(w, Math.max(1, c));
            else counts.remove(w);
        }
        if (random.nextInt(3) == 0) counts.merge(term(), 1, Integer::sum);
        return docOf(counts, doc.row());
    }

    private static Map<String, Integer> counts(SearchDoc doc) {
        Map<String, Integer> counts = new TreeMap<>();
        PostingsTable.forEachTerm(doc.terms(), counts::put);
        return counts;
    }

    private static SearchDoc docOf(Map<String, Integer> counts, List<String> rows) {
        StringBuilder sb = new StringBuilder();
        int length = 0;
        for (var c : counts.entrySet()) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(c.getKey()).append(' ').append(c.getValue());
            length += c.getValue();
        }
        return new SearchDoc(rows, sb.toString(), length);
    }

    /**
     * A word on more documents than a list keeps: the best-weighted are kept, the last in document order (the
     * newest) among equal weights, and written in document order. Checked against that plain definition (sort, cut, sort back)
     * on a list with many equal weights.
     */
    @Test
    void aLongListKeepsItsBestWeightedLastInDocumentOrderAmongEquals() {
        int n = 9000; // the word on two documents in three: on more than a list keeps, and weighing something
        List<SearchDoc> docs = new ArrayList<>();
        long total = 0;
        for (int d = 0; d < n; d++) {
            int tf = 1 + random.nextInt(3);
            int length = 40 + 10 * random.nextInt(8);
            String terms = d % 3 == 0 ? "other" + (d % 50) + " " + length
                    : "common " + tf + " other" + (d % 50) + " " + (length - tf);
            docs.add(new SearchDoc(List.of("row " + d), terms, length));
            total += length;
        }
        String postings = null;
        for (String file : files(fromScratch(docs)).values()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"common\":\"([^\"]*)\"").matcher(file);
            if (m.find()) postings = m.group(1);
        }
        assertTrue(postings != null, "the word is in a shard");

        double avgdl = TermShards.averageLength(total, n);
        int df = n - (n + 2) / 3;
        double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        List<int[]> pairs = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            if (d % 3 == 0) continue;
            int tf = Integer.parseInt(docs.get(d).terms().split(" ")[1]);
            double w = idf * tf * (TermShards.K1 + 1)
                    / (tf + TermShards.K1 * (1 - TermShards.B + TermShards.B * docs.get(d).length() / avgdl));
            pairs.add(new int[]{d, Math.max(1, (int) Math.round(w * 10))});
        }
        assertEquals(df, pairs.size());
        // Documents are numbered from the oldest: among equals, the newest are kept.
        pairs.sort(java.util.Comparator.comparingInt((int[] p) -> -p[1]).thenComparingInt(p -> -p[0]));
        List<int[]> kept = new ArrayList<>(pairs.subList(0, SearchIndexer.MAX_POSTINGS));
        kept.sort(java.util.Comparator.comparingInt(p -> p[0]));
        StringBuilder expected = new StringBuilder();
        int prev = 0;
        for (int[] p : kept) {
            if (expected.length() > 0) expected.append(',');
            expected.append(p[0] - prev).append(',').append(p[1]);
            prev = p[0];
        }
        java.util.Set<Integer> weights = new java.util.HashSet<>();
        for (int[] p : pairs) weights.add(p[1]);
        assertTrue(weights.size() > 3 && weights.size() < 100, "few weights, many ties: " + weights);
        assertEquals(expected.toString(), postings);
    }

    /** Within 1 % of the mean, on a grid whose points lie 2 % apart: a paragraph added moves it seldom. */
    @Test
    void theAverageLengthMovesInStepsOfTwoPerCent() {
        java.util.TreeSet<Double> grid = new java.util.TreeSet<>();
        for (long total = 10_000; total <= 10_000_000; total += 997) {
            double mean = total / 10_000.0;
            double average = TermShards.averageLength(total, 10_000);
            assertTrue(Math.abs(average - mean) <= 0.0100 * mean || average == 1, mean + " → " + average);
            grid.add(average);
        }
        Double previous = null;
        for (double g : grid.tailSet(10.0)) { // sampled finely enough from there on
            if (previous != null) assertEquals(1.02, g / previous, 1e-9);
            previous = g;
        }
        assertEquals(TermShards.averageLength(6_500_000, 10_000), TermShards.averageLength(6_500_000 + 16 * 60, 10_000),
                "sixteen paragraphs added to an archive of 650 words an article");
        assertEquals(1, TermShards.averageLength(0, 0));
    }

    @Test
    void anUnchangedArchiveIsUpdatedWithoutChange() {
        List<SearchDoc> docs = docs(50);
        TermShards kept = fromScratch(docs);
        Map<String, String> before = files(kept);
        assertTrue(kept.update(docs));
        assertEquals(before, files(kept));
    }

    /**
     * Documents added or removed (a new article, a deleted one): those after them are renumbered, and when they are
     * few, the shards are updated rather than made again, and are still those made from scratch. The archive's
     * size crosses several steps of idf's grid on the way.
     */
    @Test
    void documentsAddedAndRemovedNearTheEndUpdateTheShardsMadeFromScratch() {
        List<SearchDoc> docs = new ArrayList<>();
        for (int d = 0; d < 300; d++) docs.add(withCommonWords(doc(40 + random.nextInt(80))));
        TermShards kept = fromScratch(docs);
        int updated = 0;
        for (int step = 0; step < 60; step++) {
            int at = docs.size() - random.nextInt(Math.min(docs.size(), step % 3 == 0 ? 60 : 8));
            if (random.nextInt(3) > 0) docs.add(at, withCommonWords(doc(40 + random.nextInt(80))));
            else docs.remove(Math.min(at, docs.size() - 1));
            if (random.nextInt(4) == 0) {
                int d = random.nextInt(docs.size());
                docs.set(d, edited(docs.get(d)));
            }
            if (kept.update(List.copyOf(docs))) updated++;
            else kept = fromScratch(List.copyOf(docs));
            assertEquals(files(fromScratch(List.copyOf(docs))), files(kept), "step " + step);
        }
        assertTrue(updated >= 20 && updated < 60, updated + " of 60 steps updated, the others made again");
    }

    @Test
    void idfCountsDocumentsOnAGridOfOnePerCent() {
        assertEquals(57, TermShards.idfCount(57));
        assertEquals(TermShards.idfCount(10_000), TermShards.idfCount(10_001));
        int steps = 0;
        for (int n = 10_000; n < 11_000; n++) if (TermShards.idfCount(n + 1) != TermShards.idfCount(n)) steps++;
        assertTrue(steps >= 8 && steps <= 11, steps + " steps from 10,000 to 11,000");
        for (int n = 101; n < 100_000; n += 37) {
            assertTrue(Math.abs(TermShards.idfCount(n) - n) <= n * 0.006, "near " + n);
        }
    }

    /** Other numbers, or too many changes, are left to a build from scratch; the kept shards are not touched. */
    @Test
    void anUpdateIsRefusedWhenTheDocumentsAreRenumberedOrMostlyNew() {
        List<SearchDoc> docs = docs(50);
        TermShards kept = fromScratch(docs);
        Map<String, String> before = files(kept);
        List<SearchDoc> added = new ArrayList<>(docs);
        added.add(0, doc(60));
        assertFalse(kept.update(added));
        List<SearchDoc> rewritten = new ArrayList<>(docs);
        for (int d = 0; d < 20; d++) rewritten.set(d, doc(60));
        assertFalse(kept.update(rewritten));
        assertEquals(before, files(kept));

        TermShards.Builder b = new TermShards.Builder(docs.size());
        docs.forEach(b::add);
        assertFalse(b.build(null).update(docs), "no documents kept, no update");
    }

    @Test
    void termCountsAreReadBack() {
        Map<String, Integer> got = new TreeMap<>();
        PostingsTable.forEachTerm("größe 12 a 1 bc 305", got::put);
        assertEquals(Map.of("größe", 12, "a", 1, "bc", 305), got);
    }
}
