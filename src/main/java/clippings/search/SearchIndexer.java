package clippings.search;

import clippings.cache.Digests;
import clippings.cache.ProcessMemory;
import clippings.model.ArchiveIndex;
import clippings.model.ArticleEntry;
import clippings.model.OutputFile;
import clippings.model.SiteIndex;
import clippings.model.SourceEntry;
import clippings.model.TagEntry;
import clippings.model.TagRef;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import org.jsoup.Jsoup;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicReference;

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
 * Documents are numbered in reverse site order (the oldest is 0, undated articles before it): a new article is
 * most often the newest, and takes the next number, leaving every other document's number, and so its shards and
 * filters, as they were; numbered newest first, each such addition renumbered every document and made the whole
 * index again (#7). Search shows equal results newest first, the higher number first. A term's postings are
 * capped at the {@value #MAX_POSTINGS} best-weighted documents, which bounds the largest download at any archive
 * size.
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
    /**
     * The last index's documents and term shards, which the next build of the process updates (serve and the
     * build daemon build one archive again and again; see {@link ProcessMemory}).
     */
    private static final AtomicReference<TermShards> LAST_TERMS = new AtomicReference<>();
    private static final AtomicReference<DocShards> LAST_DOCS = new AtomicReference<>();
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
        List<ArticleEntry> docs = new ArrayList<>(index.articles());
        Collections.reverse(docs);
        Map<String, Integer> number = new HashMap<>(2 * docs.size());
        for (int i = 0; i < docs.size(); i++) number.put(docs.get(i).article().id(), i);

        boolean keep = ProcessMemory.keeps(docs.size());
        List<List<String>> rows;
        TermShards terms;
        if (keep) {
            List<SearchDoc> all = docs.parallelStream().map(prepared).toList();
            rows = all.stream().map(SearchDoc::row).toList();
            TermShards last = LAST_TERMS.getAndSet(null);
            if (last == null || !last.update(all)) {
                TermShards.Builder b = new TermShards.Builder(all.size());
                all.forEach(b::add);
                last = b.build(all);
            }
            terms = last;
        } else {
            // Only each article's short row is kept, not its text: at 100,000 articles the texts would be ~0.5 GB.
            rows = new ArrayList<>(docs.size());
            TermShards.Builder b = new TermShards.Builder(docs.size());
            for (int d = 0; d < docs.size(); d += BATCH) {
                // Prepared in parallel a batch at a time: bodies are read and parsed here on a cold build.
                for (SearchDoc doc : docs.subList(d, Math.min(docs.size(), d + BATCH)).parallelStream().map(prepared).toList()) {
                    rows.add(doc.row());
                    b.add(doc);
                }
            }
            terms = b.build(null);
        }
        terms.write(sink);
        if (keep) LAST_TERMS.set(terms);
        writeDocShards(rows, sink);

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
        m.put("keys", terms.keys());
        m.put("tags", tagChoices);
        m.put("sources", sourceChoices);
        m.put("years", yearChoices);
        sink.accept(OutputFile.utf8("search/meta.js", "CS.m(" + gson.toJson(m) + ");\n"));
    }

    static {
        ProcessMemory.onForget(() -> {
            LAST_TERMS.set(null);
            LAST_DOCS.set(null);
        });
    }

    /** The rows of each document shard and the digests naming them, as the last build wrote them. */
    private record DocShards(List<List<String>> rows, String[] digests) {
    }

    /**
     * The document shards. A shard is named by its rows: an edit leaves all but one alike, and those are not
     * written out; a shard whose rows are the last build's keeps its digest without hashing them again.
     */
    private void writeDocShards(List<List<String>> rows, Consumer<OutputFile> sink) {
        int count = (rows.size() + DOCS_PER_SHARD - 1) / DOCS_PER_SHARD;
        DocShards last = LAST_DOCS.get();
        String[] digests = new String[count];
        java.util.stream.IntStream.range(0, count).parallel().forEach(n -> {
            int from = n * DOCS_PER_SHARD;
            int to = Math.min(rows.size(), from + DOCS_PER_SHARD);
            List<List<String>> shard = rows.subList(from, to);
            boolean same = last != null && Math.min(last.rows().size(), from + DOCS_PER_SHARD) == to
                    && last.rows().subList(from, to).equals(shard);
            digests[n] = same ? last.digests()[n] : Digests.of("search/d", n, shard);
            sink.accept(OutputFile.pendingUtf8("search/d/" + n + ".js", digests[n], () -> {
                StringBuilder sb = new StringBuilder("CS.d(").append(n).append(",[");
                for (int d = 0; d < shard.size(); d++) {
                    if (d > 0) sb.append(",\n");
                    sb.append(gson.toJson(shard.get(d)));
                }
                return sb.append("]);\n").toString();
            }));
        });
        if (ProcessMemory.keeps(rows.size())) LAST_DOCS.set(new DocShards(rows, digests));
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
        // A loop, not a stream: serve and the daemon make 200-odd filters, some 65,000 numbers in all, after every
        // edit at 10,000 articles, and the stream's steps, which C1 does not inline, took 10 ms of it (#7).
        int[] docs = new int[ids.size()];
        for (int i = 0; i < docs.length; i++) docs[i] = number.get(ids.get(i));
        Arrays.sort(docs);
        StringBuilder sb = new StringBuilder(16 + name.length() + 6 * docs.length).append("CS.f(")
                .append(gson.toJson(name)).append(",[");
        int prev = 0;
        for (int i = 0; i < docs.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(docs[i] - prev);
            prev = docs[i];
        }
        sink.accept(OutputFile.utf8("search/f/" + fileName(name) + ".js", sb.append("]);\n").toString()));
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
