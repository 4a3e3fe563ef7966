package clippings.taxonomy;

import clippings.cache.KeptValues;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Places every article in the site and groups them by tag. Tags whose names fold to the same slug (case,
 * diacritics, punctuation) are one tag.
 * <p>Immutable and thread-safe.
 */
public final class SiteIndexer {
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
     * records part by part took tens of milliseconds of an edit (#7).
     */
    public SiteIndex index(List<Article> articles, SiteIndex earlier) {
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
        // Each tag's winning spelling and kind, worked out once rather than at each of its articles.
        Map<String, TagRef> refBySlug = new HashMap<>();
        try (var kept = REFS.round(articles.size())) {
            groups.forEach((slug, g) -> {
                TagRef ref = new TagRef(g.name(), g.kind(), slug);
                refBySlug.put(slug, kept.get(ref, r -> r));
            });
        }
        List<ArticleEntry> entries = new ArrayList<>();
        for (Article a : articles) {
            List<TagRef> refs = new ArrayList<>();
            for (Tag t : a.tags()) {
                TagRef ref = refBySlug.get(slugs.get(t.name()));
                if (!refs.contains(ref)) refs.add(ref);
            }
            ArticleEntry before = last.get(a.id());
            boolean same = before != null && before.article() == a;
            entries.add(same && before.tags().equals(refs) ? before
                    : new ArticleEntry(a, same ? before.path() : permalinks.path(a), refs));
        }
        if (!inOrderOf(entries, lastOrder)) sortInSiteOrder(entries);

        Map<String, List<String>> idsByTag = new HashMap<>();
        for (ArticleEntry e : entries) {
            for (TagRef r : e.tags()) idsByTag.computeIfAbsent(r.slug(), k -> new ArrayList<>()).add(e.article().id());
        }
        List<TagEntry> tags = new ArrayList<>();
        Map<String, TagEntry> lastTags = new HashMap<>();
        for (TagEntry t : earlier.tags()) lastTags.put(t.slug(), t);
        groups.forEach((slug, g) -> {
            TagEntry made = new TagEntry(g.name(), g.kind(), slug, idsByTag.get(slug));
            TagEntry before = lastTags.get(slug);
            tags.add(made.equals(before) ? before : made);
        });
        tags.sort(Comparator.comparing((TagEntry t) -> t.name().toLowerCase(Locale.ROOT)).thenComparing(TagEntry::slug));
        return new SiteIndex(entries, tags);
    }

    /**
     * Each tag's reference as the last index of this process made it, for the next (serve, the daemon): equal
     * references are then the same object, and comparing an article's tags with its last entry's stops at
     * identity, where comparing 80,000 references part by part showed in an edit that changes tags (#7).
     */
    private static final KeptValues<TagRef, TagRef> REFS = new KeptValues<>();

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
