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

    private final ConcurrentHashMap<String, String> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> summaries = new ConcurrentHashMap<>();
    private final Map<String, Kept> known = lastBuild;
    private final Map<String, Kept> taken = new ConcurrentHashMap<>();

    /** An entry as a build had it, with the digests taken of it: {@code [entry, summary]}, null when not taken. */
    private record Kept(ArticleEntry entry, String[] digests) {
    }

    static {
        ProcessMemory.onForget(() -> lastBuild = Map.of());
    }

    public EntryDigests() {
        // Any build's digests are true ones; a build running beside this one may read them before this is done.
        if (ProcessMemory.keeping()) lastBuild = taken;
    }

    /** Everything about an article as placed in the site: its metadata, tags, body (by digest) and path. */
    public String of(ArticleEntry e) {
        return byId.computeIfAbsent(e.article().id(), id -> kept(e, 0, () -> Digests.of("entry", e)));
    }

    /**
     * What other pages show of an article: listings, and the neighbour and related links of article pages
     * ({@code clippings.render.ArticlePages#summary} reads no more). While it and the index are unchanged, an edit
     * of the article changes only its own page.
     */
    public String summary(ArticleEntry e) {
        return summaries.computeIfAbsent(e.article().id(), id -> kept(e, 1, () -> {
            var m = e.article().meta();
            return Digests.of("summary", e.path(), m.title(), m.date(), m.source(), m.description());
        }));
    }

    /** Digest {@code kind} of the entry: the last build's when it had an equal entry, else taken now. */
    private String kept(ArticleEntry e, int kind, java.util.function.Supplier<String> digest) {
        // A one-shot build has no next build: comparing and keeping entries would only cost it.
        if (!ProcessMemory.keeping()) return digest.get();
        String id = e.article().id();
        Kept last = known.get(id);
        String d = last != null && last.digests()[kind] != null && last.entry().equals(e) ? last.digests()[kind]
                : digest.get();
        if (taken.size() < ProcessMemory.MAX_ARTICLES || taken.containsKey(id)) {
            // One array per entry, filled by kind; a race between two kinds of one entry can only lose a memo.
            taken.computeIfAbsent(id, k -> new Kept(e, new String[2])).digests()[kind] = d;
        }
        return d;
    }

    /** The digest of a list of entries, in order, each named by its own digest (taken in parallel). */
    public String ofAll(String label, List<ArticleEntry> entries) {
        return Digests.of(label, entries.parallelStream().map(this::of).toList());
    }
}
