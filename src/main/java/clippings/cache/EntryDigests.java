package clippings.cache;

import clippings.model.ArticleEntry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The digest of each article of one index, taken once per build and shared by every stage that names what it
 * makes by it: the index's own digest, pages, feeds, search documents, Markdown copies. Each took its own, five
 * passes of encoding and hashing the whole archive per build (#7).
 * <p>Thread-safe; within one index an article id names one entry.
 */
public final class EntryDigests {
    /**
     * The digests the last build took, for the next build of the process (serve, the build daemon), which finds
     * most entries equal to the last build's: comparing two records that share most of their parts is cheaper
     * than encoding and hashing one, which was a tenth of an edit's CPU at 10,000 articles (#7). They are found
     * by article id, not by entry: a record's hash code walks all of it, every time.
     */
    private static volatile Map<String, Kept> lastBuild = Map.of();

    private final Map<String, Kept> known = lastBuild;
    /** This build's digests by article id; also the next build's {@link #known} when the process keeps them. */
    private final ConcurrentHashMap<String, Kept> taken = new ConcurrentHashMap<>(known.size() + known.size() / 2 + 16);
    private final boolean keeping = ProcessMemory.keeping();
    /** The digests of the last list asked for, of each kind (entry, summary); two threads may take them twice. */
    private final Memo[] inOrder = new Memo[2];

    /**
     * An entry as a build had it, with the digests taken of it: {@code [entry, summary]}, null when not taken.
     * One build's digests of an entry are true for any build that has the very same entry object, so a kept one
     * is handed on whole: no new array, no comparison, for the thousands of entries an edit leaves alone.
     */
    private record Kept(ArticleEntry entry, String[] digests) {
    }

    /** The entries' digests in order, for the list they were taken of (a second label hashes them again). */
    private record Memo(List<ArticleEntry> entries, List<String> digests) {
    }

    static {
        ProcessMemory.onForget(() -> lastBuild = Map.of());
    }

    public EntryDigests() {
        // Any build's digests are true ones; a build running beside this one may read them before this is done.
        if (keeping) lastBuild = taken;
    }

    /** Everything about an article as placed in the site: its metadata, tags, body (by digest) and path. */
    public String of(ArticleEntry e) {
        return digest(e, 0);
    }

    /**
     * What other pages show of an article: listings, and the neighbour and related links of article pages
     * ({@code clippings.render.ArticlePages#summary} reads no more). While it and the index are unchanged, an edit
     * of the article changes only its own page.
     */
    public String summary(ArticleEntry e) {
        return digest(e, 1);
    }

    private static String take(ArticleEntry e, int kind) {
        if (kind == 0) return Digests.of("entry", e);
        var m = e.article().meta();
        return Digests.of("summary", e.path(), m.title(), m.date(), m.source(), m.description());
    }

    /** Digest {@code kind} of the entry: this build's or the last one's when taken of an equal entry, else taken now. */
    private String digest(ArticleEntry e, int kind) {
        String id = e.article().id();
        Kept kept = taken.get(id);
        if (kept == null) {
            Kept last = known.get(id);
            // An equal entry that is another object (its article decoded again) still saves the hashing.
            kept = last != null && (last.entry() == e || last.entry().equals(e))
                    ? (last.entry() == e ? last : new Kept(e, last.digests().clone()))
                    : new Kept(e, new String[2]);
            Kept raced = taken.putIfAbsent(id, kept);
            if (raced != null) kept = raced;
            // Past the memory's bound the next build starts afresh rather than keeping every entry alive.
            if (raced == null && keeping && lastBuild == taken && taken.size() > ProcessMemory.MAX_ARTICLES) {
                lastBuild = Map.of();
            }
        }
        String d = kept.digests()[kind];
        if (d == null) {
            d = take(e, kind);
            // A race between two threads can only take the same digest twice.
            kept.digests()[kind] = d;
        }
        return d;
    }

    /** The digest of a list of entries, in order, each named by its own digest (taken in parallel). */
    public String ofAll(String label, List<ArticleEntry> entries) {
        return Digests.of(label, ofEach(entries));
    }

    /**
     * Each entry's {@link #of digest}, in the list's order: taken once for the list (in parallel) and then read by
     * position. Each stage that went through the index looking every article's digest up by id paid a few cache
     * misses per article, 27 ms of CPU in every edit in serve at 10,000 articles (#7).
     */
    public List<String> ofEach(List<ArticleEntry> entries) {
        return inOrder(entries, 0);
    }

    /** Each entry's {@link #summary}, in the list's order; taken once for the list, as {@link #ofEach}. */
    public List<String> summaryOfEach(List<ArticleEntry> entries) {
        return inOrder(entries, 1);
    }

    private List<String> inOrder(List<ArticleEntry> entries, int kind) {
        Memo memo = inOrder[kind];
        if (memo == null || memo.entries() != entries) {
            memo = new Memo(entries, entries.parallelStream().map(e -> digest(e, kind)).toList());
            inOrder[kind] = memo;
        }
        return memo.digests();
    }
}
