package clippings.taxonomy;

import clippings.cache.ProcessMemory;
import clippings.model.Article;
import clippings.model.ArticleEntry;
import clippings.model.SiteIndex;
import clippings.model.Tag;
import clippings.model.TagEntry;
import clippings.model.TagKind;
import clippings.model.TagRef;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Places every article in the site and groups them by tag. Tags whose names fold to the same slug (case,
 * diacritics, punctuation) are one tag.
 * <p>Immutable and thread-safe.
 */
public final class SiteIndexer {
    private static final Comparator<TagEntry> TAG_ORDER =
            Comparator.comparing((TagEntry t) -> t.name().toLowerCase(Locale.ROOT)).thenComparing(TagEntry::slug);

    private final Slugger slugger;
    private final Permalinks permalinks;

    public SiteIndexer(Slugger slugger) {
        this.slugger = slugger;
        this.permalinks = new Permalinks(slugger);
    }

    public SiteIndex index(List<Article> articles) {
        return index(articles, SiteIndex.EMPTY);
    }

    /**
     * As {@link #index(List)}, given an earlier index: an entry or tag equal to one of it is that very object,
     * and an article that is the same object keeps its path without slugging its title again. When every article
     * has the date and path it had there, the site order is its, without a sort. A process that builds again and
     * again (serve, the daemon) then finds most entries and tags unchanged at identity, where comparing 10,000
     * records part by part took tens of milliseconds of an edit (#7). Such a process also keeps this indexer's
     * last tag groups and updates them by the articles that are not the same objects (see {@link Memo}).
     */
    public SiteIndex index(List<Article> articles, SiteIndex earlier) {
        boolean keep = ProcessMemory.keeps(articles.size());
        // Taken, not read: an update changes the memo in place, and one that fails must leave none behind.
        Memo memo = MEMO.getAndSet(null);
        Memo made = keep && memo != null ? again(articles, memo) : null;
        if (made == null) made = afresh(articles, earlier, memo == null ? Map.of() : memo.refs());
        if (keep) MEMO.set(made);
        return made.index();
    }

    /** The index made from nothing, whatever this process keeps: what tests hold an update to. */
    SiteIndex indexAfresh(List<Article> articles) {
        return afresh(articles, SiteIndex.EMPTY, Map.of()).index();
    }

    private Memo afresh(List<Article> articles, SiteIndex earlier, Map<String, TagRef> lastRefs) {
        List<ArticleEntry> lastOrder = earlier.articles();
        Map<String, ArticleEntry> last = new HashMap<>();
        for (ArticleEntry e : lastOrder) last.put(e.article().id(), e);
        // Hash maps: the tags are put in their order (name, then slug) at the end.
        Map<String, TagGroup> groups = new HashMap<>();
        Map<String, String> slugs = new HashMap<>();
        for (Article a : articles) {
            for (Tag t : a.tags()) {
                String slug = slugs.computeIfAbsent(t.name(), this::tagSlug);
                groups.computeIfAbsent(slug, k -> new TagGroup()).add(t);
            }
        }
        // Each tag's winning spelling and kind, worked out once rather than at each of its articles; a reference
        // equal to the last index's is that object, so comparing entries stops at identity.
        Map<String, TagRef> refBySlug = new HashMap<>();
        groups.forEach((slug, g) -> {
            TagRef ref = g.ref(slug);
            TagRef before = lastRefs.get(slug);
            refBySlug.put(slug, ref.equals(before) ? before : ref);
        });
        List<ArticleEntry> entries = new ArrayList<>();
        for (Article a : articles) entries.add(entry(a, last.get(a.id()), slugs, refBySlug));
        if (!inOrderOf(entries, lastOrder)) sortInSiteOrder(entries);

        Map<String, TagEntry> lastTags = new HashMap<>();
        for (TagEntry t : earlier.tags()) lastTags.put(t.slug(), t);
        Map<String, TagEntry> tagsBySlug = tagEntries(entries, groups, lastTags);
        List<TagEntry> tags = new ArrayList<>(tagsBySlug.values());
        tags.sort(TAG_ORDER);
        SiteIndex index = new SiteIndex(entries, tags);
        Map<String, ArticleEntry> byId = new HashMap<>();
        for (ArticleEntry e : entries) byId.put(e.article().id(), e);
        return new Memo(index, byId, slugs, groups, refBySlug, tagsBySlug);
    }

    /**
     * The memo's index updated by the articles that are not its articles (new, changed or gone), or null when
     * so many are that indexing afresh is as quick. Gives what {@link #afresh} would: each tag's group is its
     * spellings and kinds counted over its articles, which taking an article's tags out and putting another's
     * in keeps exact, and an entry or tag page changes only with an article or reference that changed.
     */
    private Memo again(List<Article> articles, Memo memo) {
        Map<String, ArticleEntry> byId = memo.byId();
        Set<String> ids = new HashSet<>();
        List<Article> changed = new ArrayList<>();
        List<ArticleEntry> gone = new ArrayList<>();   // the last entries of articles changed or dropped
        for (Article a : articles) {
            if (!ids.add(a.id())) return null;
            ArticleEntry before = byId.get(a.id());
            if (before != null && before.article() == a) continue;
            changed.add(a);
            if (before != null) gone.add(before);
        }
        int kept = articles.size() - changed.size();
        boolean dropped = kept != byId.size() - gone.size();
        if (dropped) {
            for (ArticleEntry e : memo.index().articles()) if (!ids.contains(e.article().id())) gone.add(e);
        }
        if (changed.size() + gone.size() > Math.max(64, articles.size() / 8)) return null;

        Map<String, String> slugs = memo.slugs();
        Map<String, TagGroup> groups = memo.groups();
        Set<String> touched = new HashSet<>();
        for (ArticleEntry e : gone) {
            for (Tag t : e.article().tags()) {
                String slug = slugs.get(t.name());
                TagGroup g = groups.get(slug);
                g.remove(t);
                if (g.isEmpty()) groups.remove(slug);
                touched.add(slug);
            }
        }
        for (Article a : changed) {
            for (Tag t : a.tags()) {
                String slug = slugs.computeIfAbsent(t.name(), this::tagSlug);
                groups.computeIfAbsent(slug, k -> new TagGroup()).add(t);
                touched.add(slug);
            }
        }
        Map<String, TagRef> refs = memo.refs();
        Map<String, TagEntry> tagsBySlug = memo.tagsBySlug();
        // Articles whose entries may change: the changed ones, and those on a tag whose name or kind moved.
        Set<String> redo = new HashSet<>();
        for (Article a : changed) redo.add(a.id());
        for (String slug : touched) {
            TagGroup g = groups.get(slug);
            TagRef before = refs.get(slug);
            TagRef ref = g == null ? null : g.ref(slug);
            if (ref != null && ref.equals(before)) continue;
            if (ref == null) refs.remove(slug);
            else refs.put(slug, ref);
            TagEntry page = tagsBySlug.get(slug);
            if (page != null) redo.addAll(page.articleIds());
        }
        Map<String, ArticleEntry> made = new HashMap<>();
        boolean sameOrder = !dropped;
        for (Article a : articles) {
            if (!redo.contains(a.id())) continue;
            ArticleEntry before = byId.get(a.id());
            ArticleEntry e = entry(a, before, slugs, refs);
            if (e != before) made.put(a.id(), e);
            sameOrder &= before != null && e.path().equals(before.path())
                    && e.article().meta().date().equals(before.article().meta().date());
        }
        for (ArticleEntry e : gone) if (!ids.contains(e.article().id())) byId.remove(e.article().id());
        byId.putAll(made);

        List<ArticleEntry> entries = new ArrayList<>(articles.size());
        List<TagEntry> tags;
        if (sameOrder) {
            for (ArticleEntry e : memo.index().articles()) entries.add(made.getOrDefault(e.article().id(), e));
            tags = retagged(entries, touched, groups, tagsBySlug, memo.index().tags());
        } else {
            for (Article a : articles) entries.add(byId.get(a.id()));
            sortInSiteOrder(entries);
            Map<String, TagEntry> all = tagEntries(entries, groups, tagsBySlug);
            tagsBySlug.clear();
            tagsBySlug.putAll(all);
            tags = new ArrayList<>(all.values());
            tags.sort(TAG_ORDER);
        }
        return new Memo(new SiteIndex(entries, tags), byId, slugs, groups, refs, tagsBySlug);
    }

    /**
     * The tag pages after an update that kept the site order: those of the touched tags made again from their
     * articles, the others as they were.
     */
    private static List<TagEntry> retagged(List<ArticleEntry> entries, Set<String> touched,
                                           Map<String, TagGroup> groups, Map<String, TagEntry> tagsBySlug,
                                           List<TagEntry> lastTags) {
        // One pass in site order over the touched tags' articles alone would need their positions; a pass over
        // every entry's few references is as quick and keeps the order without a sort.
        Map<String, List<String>> idsByTag = articlesByTag(entries, touched::contains);
        boolean reorder = false;
        for (String slug : touched) {
            TagEntry before = tagsBySlug.get(slug);
            TagGroup g = groups.get(slug);
            if (g == null) {
                tagsBySlug.remove(slug);
                reorder = true;
                continue;
            }
            TagEntry made = new TagEntry(g.name(), g.kind(), slug, idsByTag.get(slug));
            if (made.equals(before)) continue;
            tagsBySlug.put(slug, made);
            reorder |= before == null || !before.name().equals(made.name());
        }
        List<TagEntry> tags = new ArrayList<>(tagsBySlug.size());
        if (reorder) {
            tags.addAll(tagsBySlug.values());
            tags.sort(TAG_ORDER);
        } else {
            for (TagEntry t : lastTags) tags.add(tagsBySlug.get(t.slug()));
        }
        return tags;
    }

    /** An article's entry: the last one when the article and its tags' references are as they were. */
    private ArticleEntry entry(Article a, ArticleEntry before, Map<String, String> slugs, Map<String, TagRef> refs) {
        List<TagRef> tagRefs = new ArrayList<>();
        for (Tag t : a.tags()) {
            TagRef ref = refs.get(slugs.get(t.name()));
            if (!tagRefs.contains(ref)) tagRefs.add(ref);
        }
        boolean same = before != null && before.article() == a;
        return same && before.tags().equals(tagRefs) ? before
                : new ArticleEntry(a, same ? before.path() : permalinks.path(a), tagRefs);
    }

    /** Each tag's page, by slug, with its articles in site order; one equal to the last one's is that object. */
    private static Map<String, TagEntry> tagEntries(List<ArticleEntry> entries, Map<String, TagGroup> groups,
                                                    Map<String, TagEntry> lastTags) {
        Map<String, List<String>> idsByTag = articlesByTag(entries, slug -> true);
        Map<String, TagEntry> tags = new HashMap<>();
        groups.forEach((slug, g) -> {
            TagEntry made = new TagEntry(g.name(), g.kind(), slug, idsByTag.get(slug));
            TagEntry before = lastTags.get(slug);
            tags.put(slug, made.equals(before) ? before : made);
        });
        return tags;
    }

    /** The ids of each wanted tag's articles, in site order. */
    private static Map<String, List<String>> articlesByTag(List<ArticleEntry> entries,
                                                           java.util.function.Predicate<String> wanted) {
        Map<String, List<String>> idsByTag = new HashMap<>();
        for (ArticleEntry e : entries) {
            for (TagRef r : e.tags()) {
                if (wanted.test(r.slug())) idsByTag.computeIfAbsent(r.slug(), k -> new ArrayList<>()).add(e.article().id());
            }
        }
        return idsByTag;
    }

    /**
     * The last index this process made and what it was made of, for the next (serve, the daemon): an edit
     * changes an article or two, and grouping the tags of all 10,000 again, making their references and pages
     * and comparing every entry took 50 ms of an edit that changes tags (#7). Its maps belong to whichever index
     * call took it.
     *
     * @param byId       each article's entry, by article id
     * @param slugs      tag name → slug
     * @param groups     slug → the spellings and kinds of its tags, counted over the articles
     * @param refs       slug → the tag's reference
     * @param tagsBySlug slug → the tag's page
     */
    private record Memo(SiteIndex index, Map<String, ArticleEntry> byId, Map<String, String> slugs,
                        Map<String, TagGroup> groups, Map<String, TagRef> refs, Map<String, TagEntry> tagsBySlug) {
    }

    private static final AtomicReference<Memo> MEMO = new AtomicReference<>();

    static {
        ProcessMemory.onForget(() -> MEMO.set(null));
    }

    /**
     * Puts the entries in the order of {@code lastOrder} and says so when each has the date and path its article
     * had there, which is all the site order reads: a new or dropped article, or one dated or named anew, and
     * the entries are left as they were.
     */
    private static boolean inOrderOf(List<ArticleEntry> entries, List<ArticleEntry> lastOrder) {
        if (entries.size() != lastOrder.size() || entries.isEmpty()) return false;
        Map<String, ArticleEntry> byId = new HashMap<>();
        for (ArticleEntry e : entries) byId.put(e.article().id(), e);
        List<ArticleEntry> ordered = new ArrayList<>(entries.size());
        for (ArticleEntry l : lastOrder) {
            ArticleEntry e = byId.get(l.article().id());
            if (e == null || !e.path().equals(l.path())
                    || !e.article().meta().date().equals(l.article().meta().date())) {
                return false;
            }
            ordered.add(e);
        }
        for (int i = 0; i < ordered.size(); i++) entries.set(i, ordered.get(i));
        return true;
    }

    /**
     * Site order: newest first; undated last; the path breaks every tie, so the order never depends on input
     * order. Each date's sort key is worked out once, not at every comparison.
     */
    static void sortInSiteOrder(List<ArticleEntry> entries) {
        // Keys side by side with their entries: a comparator that looked them up took 0.1 s of an index at 10,000.
        record Keyed(ArticleEntry entry, boolean undated, String date, String path) {
        }
        Keyed[] keyed = new Keyed[entries.size()];
        for (int i = 0; i < keyed.length; i++) {
            ArticleEntry e = entries.get(i);
            var date = e.article().meta().date();
            keyed[i] = new Keyed(e, date.isEmpty(), date.map(d -> d.sortKey()).orElse(""), e.path());
        }
        Arrays.sort(keyed, (a, b) -> {
            if (a.undated() != b.undated()) return a.undated() ? 1 : -1;
            int byDate = b.date().compareTo(a.date());
            return byDate != 0 ? byDate : a.path().compareTo(b.path());
        });
        for (int i = 0; i < keyed.length; i++) entries.set(i, keyed[i].entry());
    }

    private String tagSlug(String name) {
        return slugger.slug(name, "tag");
    }

    /**
     * The spellings and kinds seen for one tag. The most frequent spelling wins; on a tie the one that keeps
     * more of the name (diacritics, then capitals) does, then text order.
     */
    private static final class TagGroup {
        private final Map<String, Integer> names = new TreeMap<>();
        private final Map<TagKind, Integer> kinds = new EnumMap<>(TagKind.class);

        void add(Tag t) {
            names.merge(t.name(), 1, Integer::sum);
            kinds.merge(t.kind(), 1, Integer::sum);
        }

        /** Takes back one {@link #add}: a spelling or kind no longer seen is gone, as if never added. */
        void remove(Tag t) {
            names.compute(t.name(), (n, c) -> c == 1 ? null : c - 1);
            kinds.compute(t.kind(), (k, c) -> c == 1 ? null : c - 1);
        }

        boolean isEmpty() {
            return names.isEmpty();
        }

        TagRef ref(String slug) {
            return new TagRef(name(), kind(), slug);
        }

        String name() {
            return names.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(e -> count(e.getKey(), c -> c > 127))
                    .thenComparing(e -> count(e.getKey(), Character::isUpperCase))
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
        }

        private static long count(String s, java.util.function.IntPredicate p) {
            return s.chars().filter(p).count();
        }

        TagKind kind() {
            return kinds.entrySet().stream().filter(e -> e.getKey() != TagKind.TOPIC)
                    .max(Map.Entry.<TagKind, Integer>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .map(Map.Entry::getKey).orElse(TagKind.TOPIC);
        }
    }
}
