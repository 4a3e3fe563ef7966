package clippings.render;

import clippings.model.Article;
import clippings.model.ArticleEntry;
import clippings.model.ArticleMeta;
import clippings.model.SiteIndex;
import clippings.model.TagEntry;
import clippings.model.TagKind;
import clippings.model.TagRef;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Related tags rank by co-occurrence, then rarity, then name, whatever order the counting takes (#5, #7). */
class RelatedTagsTest {
    @Test
    void ranksByCountThenRarityThenNameInAnyCase() {
        // "zeta" and "Alpha" meet "hub" twice; "Alpha" is on fewer articles, so it comes first. "beta" and
        // "Gamma" meet it once and are equally rare: the name decides, case ignored.
        SiteIndex index = index(Map.of(
                "1", List.of("hub", "zeta", "Alpha", "beta"),
                "2", List.of("hub", "zeta", "Alpha"),
                "3", List.of("hub", "Gamma"),
                "4", List.of("zeta")));
        assertEquals(List.of("alpha", "zeta", "beta", "gamma"), slugs(new RelatedTags(index).of("hub")));
        assertEquals(List.of(), new RelatedTags(index(Map.of("1", List.of("alone")))).of("alone"));
        assertEquals(List.of(), new RelatedTags(index).of("no-such-tag"));
    }

    @Test
    void agreesWithThePlainDefinitionOnARandomArchive() {
        Random random = new Random(7);
        Map<String, List<String>> tagsOf = new LinkedHashMap<>();
        for (int a = 0; a < 600; a++) {
            List<String> names = new ArrayList<>();
            int k = 1 + random.nextInt(7);
            while (names.size() < k) {
                // Zipf-like: small numbers are common, so counts tie and rarity and names must break them.
                String name = (random.nextBoolean() ? "Tag " : "tag ") + (int) Math.floor(Math.pow(random.nextDouble(), 3) * 120);
                if (names.stream().noneMatch(n -> slug(n).equals(slug(name)))) names.add(name);
            }
            tagsOf.put(String.valueOf(a), names);
        }
        SiteIndex index = index(tagsOf);
        RelatedTags related = new RelatedTags(index);
        for (TagEntry t : index.tags()) {
            assertEquals(slugs(plainDefinition(index, t.slug())), slugs(related.of(t.slug())), t.slug());
        }
    }

    /** Every co-occurring tag counted and the whole list sorted: what the ranking means. */
    private static List<TagEntry> plainDefinition(SiteIndex index, String slug) {
        Map<String, TagEntry> bySlug = new HashMap<>();
        for (TagEntry t : index.tags()) bySlug.put(t.slug(), t);
        Map<String, Integer> counts = new HashMap<>();
        for (ArticleEntry e : index.articles()) {
            if (e.tags().stream().noneMatch(r -> r.slug().equals(slug))) continue;
            for (TagRef r : e.tags()) if (!r.slug().equals(slug)) counts.merge(r.slug(), 1, Integer::sum);
        }
        Comparator<String> order = Comparator.<String>comparingInt(s -> -counts.get(s))
                .thenComparingInt(s -> bySlug.get(s).articleIds().size())
                .thenComparing(s -> bySlug.get(s).name().toLowerCase(Locale.ROOT))
                .thenComparing(s -> s);
        return counts.keySet().stream().sorted(order).limit(RelatedTags.LIMIT).map(bySlug::get).toList();
    }

    private static SiteIndex index(Map<String, List<String>> tagsOf) {
        List<ArticleEntry> articles = new ArrayList<>();
        Map<String, TagEntry> tags = new LinkedHashMap<>();
        tagsOf.keySet().stream().sorted().forEach(id -> {
            List<TagRef> refs = tagsOf.get(id).stream().map(n -> new TagRef(n, TagKind.TOPIC, slug(n))).toList();
            Article a = new Article(id + "00000", id + ".txt", "0", ArticleMeta.titled("T" + id), List.of(), "", "");
            articles.add(new ArticleEntry(a, "articles/undated/t-" + id + ".html", refs));
            for (TagRef r : refs) {
                TagEntry t = tags.get(r.slug());
                List<String> ids = new ArrayList<>(t == null ? List.of() : t.articleIds());
                ids.add(id);
                tags.put(r.slug(), new TagEntry(r.name(), r.kind(), r.slug(), ids));
            }
        });
        return new SiteIndex(articles, new ArrayList<>(tags.values()));
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    private static List<String> slugs(List<TagEntry> tags) {
        return tags.stream().map(TagEntry::slug).toList();
    }
}
