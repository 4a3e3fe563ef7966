package clippings.search;

import clippings.cache.Digests;
import clippings.model.OutputFile;
import clippings.search.PostingsTable.IntList;
import com.google.gson.Gson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The term shards of the search index ({@code search/t/<key>.js}) and the postings they are encoded from.
 * <p>Made from every document once; after that, a process that builds the same archive again (serve, the build
 * daemon) can {@link #update} it: only the changed documents' terms are taken out and put back, and only the
 * shards holding those terms are encoded and named again. Rebuilding the postings of every document took a
 * third of an edit's CPU at 10,000 articles (#7). Either way the shards are a function of the documents alone,
 * so an updated index writes exactly what one made from scratch does.
 * <p>Not thread-safe: one build uses it at a time.
 */
final class TermShards {
    static final double K1 = 1.2;
    static final double B = 0.75;
    /** Gson is thread-safe; shards are written on every core. */
    private static final Gson GSON = new Gson();

    /** The documents by number; null when they are not kept (large archives), and then no update is possible. */
    private SearchDoc[] docs;
    private final Map<String, IntList> postings;
    private int[] lengths;
    private long total;
    private double avgdl;
    /** Terms by their first two code points, each with its encoded postings. */
    private final Map<String, TreeMap<String, String>> groups = new HashMap<>();
    /** The shards of each group, by shard key. */
    private final Map<String, List<String>> shardsOfGroup = new HashMap<>();
    private final TreeMap<String, Shard> shards = new TreeMap<>();

    /** A shard's terms and encoded postings, and the digest naming its content. */
    private record Shard(TreeMap<String, String> terms, String digest) {
    }

    /** A term's count on a changed document and the document's length, before the change and after it. */
    private record Reweighing(int tfBefore, int lengthBefore, int tf, int length) {
    }

    private TermShards(SearchDoc[] docs, Map<String, IntList> postings, int[] lengths, long total) {
        this.docs = docs;
        this.postings = postings;
        this.lengths = lengths;
        this.total = total;
        this.avgdl = averageLength(total, lengths.length);
        Map<String, String> encoded = new TreeMap<>(postings.entrySet().parallelStream().collect(
                java.util.stream.Collectors.toMap(Map.Entry::getKey, p -> encode(p.getValue()))));
        encoded.forEach((term, list) -> groups.computeIfAbsent(prefix(term, 2), k -> new TreeMap<>()).put(term, list));
        placeAll(groups.keySet());
    }

    /** Makes the shards from every document, added in number order. */
    static final class Builder {
        private final PostingsTable table = new PostingsTable();
        private final int[] lengths;
        private long total;
        private int next;

        Builder(int documents) {
            lengths = new int[documents];
        }

        void add(SearchDoc doc) {
            lengths[next] = doc.length();
            total += doc.length();
            table.add(next++, doc.terms());
        }

        /** @param kept the documents, to {@link #update} from later; null to keep none */
        TermShards build(List<SearchDoc> kept) {
            return new TermShards(kept == null ? null : kept.toArray(SearchDoc[]::new), table.toMap(), lengths, total);
        }
    }

    /**
     * Brings the shards up to {@code now}, the archive's documents by number, when they differ from the ones
     * kept in a few places, or in their last few numbers (documents added or removed near the end, and those after
     * them renumbered); returns false, changing nothing, when they cannot be updated (many changes, no documents
     * kept).
     */
    boolean update(List<SearchDoc> now) {
        if (docs == null) return false;
        int n = now.size();
        // Documents from here on are renumbered: taken out at their old numbers and put in at their new ones.
        int tail = n == docs.length ? n : 0;
        while (tail < Math.min(n, docs.length) && same(docs[tail], now.get(tail))) tail++;
        List<Integer> changed = new ArrayList<>();
        for (int d = 0; d < tail; d++) if (!same(docs[d], now.get(d))) changed.add(d);
        int renumbered = docs.length - tail + n - tail;
        // Past a tenth of the archive, making everything again is about as fast and much simpler to trust.
        if ((changed.size() + renumbered) * 10 > Math.max(n, docs.length)) return false;
        int countBefore = idfCount(docs.length);
        // A term on a changed document both before and after keeps its number of documents, so its encoding
        // changes only if that document's weight does: the words on most documents weigh the least and seldom
        // change weight, and encoding their lists of thousands again was most of what an edit allocated (#7).
        Set<String> moved = new HashSet<>();
        Map<String, List<Reweighing>> stayed = new HashMap<>();
        for (int d : changed) {
            SearchDoc was = docs[d];
            SearchDoc is = now.get(d);
            Map<String, Integer> before = new HashMap<>();
            takeOut(d, was, before::put);
            int lengthBefore = lengths[d];
            PostingsTable.forEachTerm(is.terms(), (term, count) -> {
                postings.computeIfAbsent(term, t -> new IntList()).put(d, count);
                Integer tf = before.remove(term);
                if (tf == null) moved.add(term);
                else stayed.computeIfAbsent(term, t -> new ArrayList<>())
                        .add(new Reweighing(tf, lengthBefore, count, is.length()));
            });
            moved.addAll(before.keySet());
            total += is.length() - was.length();
            lengths[d] = is.length();
            docs[d] = is;
        }
        if (renumbered > 0) {
            for (int d = tail; d < docs.length; d++) {
                takeOut(d, docs[d], (term, count) -> moved.add(term));
                total -= lengths[d];
            }
            docs = java.util.Arrays.copyOf(docs, n);
            lengths = java.util.Arrays.copyOf(lengths, n);
            for (int d = tail; d < n; d++) {
                int number = d;
                SearchDoc is = now.get(d);
                PostingsTable.forEachTerm(is.terms(), (term, count) -> {
                    moved.add(term);
                    postings.computeIfAbsent(term, t -> new IntList()).put(number, count);
                });
                total += is.length();
                lengths[d] = is.length();
                docs[d] = is;
            }
        }
        double average = averageLength(total, docs.length);
        // A new average length or count changes every weight; both move in steps, so an edit seldom does that.
        Set<String> encodeAgain = new HashSet<>(moved);
        if (average != avgdl || idfCount(docs.length) != countBefore) {
            encodeAgain.addAll(postings.keySet());
        } else {
            stayed.forEach((term, changes) -> {
                if (reweighed(postings.get(term), changes)) encodeAgain.add(term);
            });
        }
        avgdl = average;
        Map<String, String> encoded = encodeAgain.parallelStream().filter(postings::containsKey)
                .collect(java.util.stream.Collectors.toMap(t -> t, t -> encode(postings.get(t))));
        Set<String> groupsTouched = new HashSet<>();
        for (String term : encodeAgain) {
            String group = prefix(term, 2);
            String list = encoded.get(term);
            TreeMap<String, String> terms = groups.get(group);
            // Weights are written to a tenth: most of an edited document's words keep their encoding, and a
            // group whose encodings are all alike keeps its shards (#7).
            if (java.util.Objects.equals(list, terms == null ? null : terms.get(term))) continue;
            groupsTouched.add(group);
            if (list != null) {
                groups.computeIfAbsent(group, k -> new TreeMap<>()).put(term, list);
            } else if (terms != null) {
                terms.remove(term);
                if (terms.isEmpty()) groups.remove(group);
            }
        }
        placeAll(groupsTouched);
        return true;
    }

    /** Takes a document's terms out of the postings, telling {@code each} of every term and its count. */
    private void takeOut(int number, SearchDoc doc, java.util.function.ObjIntConsumer<String> each) {
        PostingsTable.forEachTerm(doc.terms(), (term, count) -> {
            each.accept(term, count);
            IntList list = postings.get(term);
            list.remove(number);
            if (list.size == 0) postings.remove(term);
        });
    }

    /** The shard keys, space-separated, for {@code meta.js}. */
    String keys() {
        return String.join(" ", shards.keySet());
    }

    /** Every shard file; a shard whose content is the last build's has its digest, and is not made again. */
    void write(Consumer<OutputFile> sink) {
        shards.entrySet().parallelStream().forEach(e -> sink.accept(OutputFile.pendingUtf8(
                "search/t/" + SearchIndexer.fileName(e.getKey()) + ".js", e.getValue().digest(),
                () -> "CS.t(" + GSON.toJson(e.getKey()) + "," + json(e.getValue().terms()) + ");\n")));
    }

    /** Places the terms of these groups in shards again, replacing the groups' shards. */
    private void placeAll(Set<String> groupKeys) {
        Map<String, Shard> before = new HashMap<>();
        for (String group : groupKeys) {
            List<String> old = shardsOfGroup.remove(group);
            if (old != null) for (String key : old) before.put(key, shards.remove(key));
        }
        Map<String, TreeMap<String, String>> placed = new TreeMap<>();
        for (String group : groupKeys) {
            TreeMap<String, String> terms = groups.get(group);
            if (terms == null) continue;
            Map<String, TreeMap<String, String>> own = new TreeMap<>();
            place(group, terms, own);
            shardsOfGroup.put(group, new ArrayList<>(own.keySet()));
            placed.putAll(own);
        }
        // A group placed again keeps the digest of each shard that holds what it held: the unchanged terms' lists
        // are the same strings, so comparing is cheap where hashing the shard again is not.
        shards.putAll(placed.entrySet().parallelStream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> {
                    Shard old = before.get(e.getKey());
                    return old != null && old.terms().equals(e.getValue()) ? old
                            : new Shard(e.getValue(), Digests.of("search/t", e.getKey(), e.getValue()));
                })));
    }

    /**
     * Puts a group of terms sharing {@code key} in one shard, or, past the target size, splits it by the next
     * letter; a term no longer than the key stays in the key's own shard. The browser looks a term up in the
     * shard of its longest prefix that is a shard key.
     */
    private static void place(String key, TreeMap<String, String> terms, Map<String, TreeMap<String, String>> out) {
        int depth = key.codePointCount(0, key.length());
        if (size(terms) <= SearchIndexer.SHARD_TARGET || depth >= SearchIndexer.MAX_KEY) {
            out.computeIfAbsent(key, k -> new TreeMap<>()).putAll(terms);
            return;
        }
        Map<String, TreeMap<String, String>> children = new TreeMap<>();
        terms.forEach((term, list) -> children.computeIfAbsent(prefix(term, depth + 1), k -> new TreeMap<>()).put(term, list));
        children.forEach((child, group) -> {
            if (child.equals(key)) out.computeIfAbsent(key, k -> new TreeMap<>()).putAll(group);
            else place(child, group, out);
        });
    }

    /**
     * BM25's average document length, on a grid of 2 % steps. It only scales how much a document's length
     * tempers its weights, and an edit that leaves it alike re-encodes only its own terms, while one that moves it
     * re-encodes every term of the archive (150 ms of CPU at 10,000 articles). Rounded to a whole term, it moved
     * when the words added crossed a boundary of half a term per document (one edit in 16 of the 10,000-article
     * benchmark); on this grid the boundaries lie 2 % apart (#7). StrictMath, so every machine places it alike.
     */
    static double averageLength(long total, int n) {
        if (n == 0 || total <= 0) return 1;
        double step = StrictMath.log(1.02);
        return Math.max(1, StrictMath.exp(Math.rint(StrictMath.log((double) total / n) / step) * step));
    }

    /**
     * Whether a term on the same documents as before, some of them changed, has a weight of one of them changed
     * (at the average length of before, which the caller has found unchanged).
     */
    private boolean reweighed(IntList list, List<Reweighing> changes) {
        double idf = idf(list.size / 2);
        for (Reweighing r : changes) {
            if (weight(idf, r.tfBefore(), r.lengthBefore()) != weight(idf, r.tf(), r.length())) return true;
        }
        return false;
    }

    private double idf(int df) {
        int n = idfCount(lengths.length);
        return Math.log(1 + Math.max(0, n - df + 0.5) / (df + 0.5));
    }

    /**
     * The number of documents as idf counts it: on a grid of 1 % steps past 100 documents. A document added or
     * removed changes every term's idf, and so, rounded, a few weights in every long list: each would be encoded
     * again to find them (150 ms of CPU at 10,000 articles). On this grid the count moves once in a hundred
     * additions or so (#7). StrictMath, so every machine places it alike.
     */
    static int idfCount(int n) {
        if (n <= 100) return n;
        double step = StrictMath.log(1.01);
        return (int) Math.round(StrictMath.exp(Math.rint(StrictMath.log(n) / step) * step));
    }

    private static boolean same(SearchDoc a, SearchDoc b) {
        return a == b || a.equals(b);
    }

    /** A document's weight in a term's list: its BM25 score times 10, rounded, at least 1. */
    private int weight(double idf, int tf, int length) {
        double w = idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / avgdl));
        return Math.max(1, (int) Math.round(w * 10));
    }

    /**
     * A term's postings as {@code "delta,weight,delta,weight,…"}: doc numbers delta-coded, weights the BM25
     * score times 10, rounded (at least 1). Past {@value SearchIndexer#MAX_POSTINGS} documents only the
     * best-weighted are kept.
     */
    private String encode(IntList list) {
        int df = list.size / 2;
        double idf = idf(df);
        int[] weights = new int[df];
        int heaviest = 1;
        for (int i = 0; i < df; i++) {
            int doc = list.data[2 * i];
            int tf = list.data[2 * i + 1];
            weights[i] = weight(idf, tf, lengths[doc]);
            heaviest = Math.max(heaviest, weights[i]);
        }
        // Past the limit, the best-weighted are kept, the last in document order (the newest) among equals.
        // Weights are small whole numbers, so counting finds the cut without sorting (the words on most documents
        // are the longest lists, and an edit re-encodes every one of its words, #7).
        int cut = 0;
        int skippedAtCut = 0;
        if (df > SearchIndexer.MAX_POSTINGS) {
            int[] count = new int[heaviest + 1];
            for (int w : weights) count[w]++;
            int above = 0;
            cut = heaviest;
            while (above + count[cut] < SearchIndexer.MAX_POSTINGS) above += count[cut--];
            skippedAtCut = count[cut] - (SearchIndexer.MAX_POSTINGS - above);
        }
        StringBuilder sb = new StringBuilder(df * 6);
        int prev = 0;
        for (int i = 0; i < df; i++) {
            int w = weights[i];
            if (w < cut || w == cut && skippedAtCut-- > 0) continue;
            int doc = list.data[2 * i];
            if (sb.length() > 0) sb.append(',');
            sb.append(doc - prev).append(',').append(w);
            prev = doc;
        }
        return sb.toString();
    }

    private static String json(Map<String, String> terms) {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (var t : terms.entrySet()) {
            if (!first) sb.append(",\n");
            first = false;
            sb.append(GSON.toJson(t.getKey())).append(":\"").append(t.getValue()).append('"');
        }
        return sb.append('}').toString();
    }

    private static int size(Map<String, String> terms) {
        int s = 0;
        for (var t : terms.entrySet()) s += t.getKey().length() + t.getValue().length() + 6;
        return s;
    }

    /** The first {@code n} code points of a term. */
    static String prefix(String term, int n) {
        int cps = term.codePointCount(0, term.length());
        return cps <= n ? term : term.substring(0, term.offsetByCodePoints(0, n));
    }
}
