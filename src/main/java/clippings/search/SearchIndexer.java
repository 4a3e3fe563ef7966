package clippings.search;

import clippings.cache.Digests;
import clippings.model.ArchiveIndex;
import clippings.model.ArticleEntry;
import clippings.model.OutputFile;
import clippings.model.SiteIndex;
import clippings.model.SourceEntry;
import clippings.model.TagEntry;
import clippings.model.TagRef;
import clippings.search.PostingsTable.IntList;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import org.jsoup.Jsoup;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Writes the client-side search index (#5) under {@code search/}, as script files that register themselves
 * with {@code assets/search.js}, so search works from {@code file://} (where Chromium blocks fetching JSON) as
 * well as on any static host:
 * <ul>
 * <li>{@code search/meta.js}: the article count, the shard keys, and the filter choices;</li>
 * <li>{@code search/t/<key>.js}: the postings of every term whose first two letters are {@code key}
 *     (a shard past {@value #SHARD_TARGET} bytes splits by one more letter, up to {@value #MAX_KEY}): doc numbers (delta-coded) with a precomputed
 *     BM25 weight, so a one-word query downloads one shard;</li>
 * <li>{@code search/d/<n>.js}: title, path, date, source and a snippet of {@value #DOCS_PER_SHARD} articles,
 *     loaded only for the results shown;</li>
 * <li>{@code search/f/<kind>-<slug>.js}: the doc numbers of a tag, a source or a year, loaded when filtering.</li>
 * </ul>
 * Documents are numbered in site order (newest first). A term's postings are capped at the
 * {@value #MAX_POSTINGS} best-weighted documents, which bounds the largest download at any archive size.
 * <p>Immutable and thread-safe.
 */
public final class SearchIndexer {
    static final int DOCS_PER_SHARD = 10;
    static final int MAX_KEY = 6;
    static final int SHARD_TARGET = 64 * 1024;
    static final int MAX_POSTINGS = 5000;
    static final int SNIPPET = 600;
    static final int FILTER_CHOICES = 200;
    static final int TAGS_SHOWN = 10;
    private static final int BATCH = 512;
    private static final double K1 = 1.2;
    private static final double B = 0.75;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM", Locale.ENGLISH);

    private final Gson gson = new GsonBuilder().disableHtmlEscaping().create();

    /** Writes the index into {@code sink}, which must accept files from several threads. */
    public void write(SiteIndex index, ArchiveIndex archive, Consumer<OutputFile> sink) {
        write(index, archive, SearchIndexer::doc, sink);
    }

    /**
     * The index, from each article's {@link SearchDoc}: {@code prepared} may answer from a cache, and must answer
     * what {@link #doc} would.
     */
    public void write(SiteIndex index, ArchiveIndex archive, Function<ArticleEntry, SearchDoc> prepared,
                      Consumer<OutputFile> sink) {
        List<ArticleEntry> docs = index.articles();
        Map<String, Integer> number = new HashMap<>();
        for (int i = 0; i < docs.size(); i++) number.put(docs.get(i).article().id(), i);

        PostingsTable table = new PostingsTable();
        int[] lengths = new int[docs.size()];
        long total = 0;
        // Only each article's short row is kept, not its text: at 100,000 articles the texts would be ~0.5 GB.
        List<List<String>> rows = new ArrayList<>(docs.size());
        List<SearchDoc> batch = List.of();
        for (int d = 0; d < docs.size(); d++) {
            // Prepared in parallel a batch at a time: bodies are read and parsed here on a cold build.
            if (d % BATCH == 0) batch = docs.subList(d, Math.min(docs.size(), d + BATCH)).parallelStream().map(prepared).toList();
            SearchDoc doc = batch.get(d % BATCH);
            rows.add(doc.row());
            lengths[d] = doc.length();
            total += doc.length();
            table.add(d, doc.terms());
        }
        Map<String, IntList> postings = table.toMap();
        double avgdl = docs.isEmpty() ? 1 : (double) total / docs.size();

        // Shards: by the first two letters; a shard past the target splits by one more letter, and again.
        // Encoding the postings and writing the shards are independent per term and per shard: done in parallel.
        Map<String, String> encoded = new TreeMap<>(postings.entrySet().parallelStream().collect(
                java.util.stream.Collectors.toMap(Map.Entry::getKey, p -> encode(p.getValue(), lengths, avgdl, docs.size()))));
        Map<String, Map<String, String>> shards = new TreeMap<>();
        encoded.forEach((term, list) -> shards.computeIfAbsent(prefix(term, 2), k -> new TreeMap<>()).put(term, list));
        Map<String, Map<String, String>> finalShards = new TreeMap<>();
        shards.forEach((key, terms) -> place(key, terms, finalShards));
        finalShards.entrySet().parallelStream().forEach(e -> sink.accept(OutputFile.utf8(
                "search/t/" + fileName(e.getKey()) + ".js", "CS.t(" + gson.toJson(e.getKey()) + "," + json(e.getValue()) + ");\n")));

        // A document shard is named by its rows: an edit leaves all but one alike, and those are not written out.
        java.util.stream.IntStream.range(0, (docs.size() + DOCS_PER_SHARD - 1) / DOCS_PER_SHARD).parallel().forEach(n -> {
            List<List<String>> shard = rows.subList(n * DOCS_PER_SHARD, Math.min(docs.size(), (n + 1) * DOCS_PER_SHARD));
            sink.accept(OutputFile.pendingUtf8("search/d/" + n + ".js", Digests.of("search/d", n, shard), () -> {
                StringBuilder sb = new StringBuilder("CS.d(").append(n).append(",[");
                for (int d = 0; d < shard.size(); d++) {
                    if (d > 0) sb.append(",\n");
                    sb.append(gson.toJson(shard.get(d)));
                }
                return sb.append("]);\n").toString();
            }));
        });

        Map<String, List<Object>> meta = new LinkedHashMap<>();
        List<Object[]> tagChoices = new ArrayList<>();
        List<TagEntry> tags = new ArrayList<>(index.tags());
        tags.sort(Comparator.comparing((TagEntry t) -> -t.articleIds().size()).thenComparing(TagEntry::slug));
        for (TagEntry t : tags.subList(0, Math.min(FILTER_CHOICES, tags.size()))) {
            filter(sink, "tag-" + t.slug(), t.articleIds(), number);
            tagChoices.add(new Object[]{t.slug(), t.name(), t.articleIds().size()});
        }
        tagChoices.sort(Comparator.comparing(o -> ((String) o[1]).toLowerCase(Locale.ROOT)));
        List<Object[]> sourceChoices = new ArrayList<>();
        for (SourceEntry s : archive.sources()) {
            filter(sink, "source-" + s.slug(), s.articleIds(), number);
            sourceChoices.add(new Object[]{s.slug(), s.name(), s.articleIds().size()});
        }
        Map<Integer, List<String>> years = new TreeMap<>(Comparator.reverseOrder());
        archive.months().forEach(m -> years.computeIfAbsent(m.year(), y -> new ArrayList<>()).addAll(m.articleIds()));
        List<Object[]> yearChoices = new ArrayList<>();
        years.forEach((y, ids) -> {
            filter(sink, "year-" + y, ids, number);
            yearChoices.add(new Object[]{String.valueOf(y), String.valueOf(y), ids.size()});
        });
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", docs.size());
        m.put("per", DOCS_PER_SHARD);
        m.put("keys", String.join(" ", finalShards.keySet()));
        m.put("tags", tagChoices);
        m.put("sources", sourceChoices);
        m.put("years", yearChoices);
        sink.accept(OutputFile.utf8("search/meta.js", "CS.m(" + gson.toJson(m) + ");\n"));
    }

    /**
     * Puts a group of terms sharing {@code key} in one shard, or, past the target size, splits it by the next
     * letter; a term no longer than the key stays in the key's own shard. The browser looks a term up in the
     * shard of its longest prefix that is a shard key.
     */
    private static void place(String key, Map<String, String> terms, Map<String, Map<String, String>> out) {
        int depth = key.codePointCount(0, key.length());
        if (size(terms) <= SHARD_TARGET || depth >= MAX_KEY) {
            out.computeIfAbsent(key, k -> new TreeMap<>()).putAll(terms);
            return;
        }
        Map<String, Map<String, String>> children = new TreeMap<>();
        terms.forEach((term, list) -> children.computeIfAbsent(prefix(term, depth + 1), k -> new TreeMap<>()).put(term, list));
        children.forEach((child, group) -> {
            if (child.equals(key)) out.computeIfAbsent(key, k -> new TreeMap<>()).putAll(group);
            else place(child, group, out);
        });
    }

    /** What the index needs of one article; reads its body. */
    public static SearchDoc doc(ArticleEntry e) {
        String text = Jsoup.parse(e.article().bodyHtml()).text();
        Map<String, Integer> tf = new LinkedHashMap<>();
        int len = 0;
        len += count(tf, e.article().meta().title(), 3);
        len += count(tf, text, 1);
        for (TagRef t : e.tags()) len += count(tf, t.name(), 2);
        len += count(tf, e.article().meta().source().orElse(""), 1);
        len += count(tf, e.article().meta().description().orElse(""), 1);
        var date = e.article().meta().date();
        if (date.isPresent()) len += count(tf, date.get().day() + " " + date.get().day().format(MONTH), 1);
        StringBuilder terms = new StringBuilder();
        for (var t : tf.entrySet()) {
            if (terms.length() > 0) terms.append(' ');
            terms.append(t.getKey()).append(' ').append(t.getValue());
        }
        return new SearchDoc(docRow(e, text), terms.toString(), len);
    }

    private static int count(Map<String, Integer> tf, String text, int weight) {
        List<String> terms = TextFolding.terms(text);
        for (String t : terms) tf.merge(t, weight, Integer::sum);
        return terms.size() * weight;
    }

    /** [path, title, dateIso, dateText, source, snippet, tags] */
    private static List<String> docRow(ArticleEntry e, String text) {
        var m = e.article().meta();
        String snippet = m.description().filter(d -> !d.isBlank()).map(d -> d + " · " + text).orElse(text);
        if (snippet.length() > SNIPPET) {
            int cut = snippet.lastIndexOf(' ', SNIPPET);
            snippet = snippet.substring(0, cut > SNIPPET / 2 ? cut : SNIPPET) + " …";
        }
        return List.of(e.path(), m.title(), m.date().map(d -> d.iso()).orElse(""),
                m.date().map(d -> d.day().format(DAY)).orElse(""), m.source().orElse(""), snippet,
                String.join(" · ", e.tags().stream().limit(TAGS_SHOWN).map(TagRef::name).toList()));
    }

    private void filter(Consumer<OutputFile> sink, String name, List<String> ids, Map<String, Integer> number) {
        int[] docs = ids.stream().mapToInt(number::get).sorted().toArray();
        StringBuilder sb = new StringBuilder("CS.f(").append(gson.toJson(name)).append(",[");
        int prev = 0;
        for (int i = 0; i < docs.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(docs[i] - prev);
            prev = docs[i];
        }
        sink.accept(OutputFile.utf8("search/f/" + fileName(name) + ".js", sb.append("]);\n").toString()));
    }

    /**
     * A term's postings as {@code "delta,weight,delta,weight,…"}: doc numbers delta-coded, weights the BM25
     * score times 10, rounded (at least 1). Past {@value #MAX_POSTINGS} documents only the best-weighted are kept.
     */
    private static String encode(IntList list, int[] lengths, double avgdl, int n) {
        int df = list.size / 2;
        double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        int[][] pairs = new int[df][2];
        for (int i = 0; i < df; i++) {
            int doc = list.data[2 * i];
            int tf = list.data[2 * i + 1];
            double w = idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths[doc] / avgdl));
            pairs[i][0] = doc;
            pairs[i][1] = Math.max(1, (int) Math.round(w * 10));
        }
        if (df > MAX_POSTINGS) {
            Arrays.sort(pairs, Comparator.comparingInt((int[] p) -> -p[1]).thenComparingInt(p -> p[0]));
            pairs = Arrays.copyOf(pairs, MAX_POSTINGS);
            Arrays.sort(pairs, Comparator.comparingInt(p -> p[0]));
        }
        StringBuilder sb = new StringBuilder();
        int prev = 0;
        for (int[] p : pairs) {
            if (sb.length() > 0) sb.append(',');
            sb.append(p[0] - prev).append(',').append(p[1]);
            prev = p[0];
        }
        return sb.toString();
    }

    private static String json(Map<String, String> terms) {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        Gson g = new Gson();
        for (var t : terms.entrySet()) {
            if (!first) sb.append(",\n");
            first = false;
            sb.append(g.toJson(t.getKey())).append(":\"").append(t.getValue()).append('"');
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

    /** A file name for a shard key: ASCII letters and digits as they are, any other code point as {@code _hex_}. */
    static String fileName(String key) {
        StringBuilder sb = new StringBuilder();
        key.codePoints().forEach(c -> {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') sb.appendCodePoint(c);
            else sb.append('_').append(Integer.toHexString(c)).append('_');
        });
        return sb.toString();
    }
}
