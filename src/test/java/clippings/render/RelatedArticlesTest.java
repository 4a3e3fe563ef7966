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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Related articles weigh shared tags by rarity on a scale that moves only when the archive doubles (#5, #7). */
class RelatedArticlesTest {
    @Test
    void theScaleIsTheArchiveRoundedUpToAPowerOfTwo() {
        assertEquals(1, RelatedArticles.scale(0));
        assertEquals(1, RelatedArticles.scale(1));
        assertEquals(2, RelatedArticles.scale(2));
        assertEquals(4, RelatedArticles.scale(3));
        assertEquals(16384, RelatedArticles.scale(10_000));
        assertEquals(16384, RelatedArticles.scale(16384));
        assertEquals(32768, RelatedArticles.scale(16385));
        assertTrue(SiteRenderer.relatedAlike(49, 51));
        assertFalse(SiteRenderer.relatedAlike(64, 65));
    }

    /**
     * "x" shares one rare tag with "a" and two common ones with "b". With the weights' N the exact article count,
     * a ({@code ln(N/2)}) beat b ({@code 2 ln(N/10)}) at 49 articles and lost at 51: two unrelated articles changed
     * x's page. On the scale (64 for both), they rank alike.
     */
    @Test
    void articlesThatComeOnOtherTagsLeaveTheRankingAlone() {
        List<String> before = related(archive(49), "x");
        assertEquals(List.of("b", "a"), before.subList(0, 2), "two common tags beat one rare tag on a scale of 64");
        assertEquals(before, related(archive(51), "x"));
    }

    private static List<String> related(SiteIndex index, String id) {
        ArticleEntry e = index.articles().stream().filter(a -> a.article().id().equals(id)).findFirst().orElseThrow();
        return new RelatedArticles(index).of(e).stream().map(a -> a.article().id()).toList();
    }

    private static SiteIndex archive(int size) {
        Map<String, List<String>> tagsOf = new LinkedHashMap<>();
        tagsOf.put("x", List.of("rare", "c1", "c2"));
        tagsOf.put("a", List.of("rare"));
        tagsOf.put("b", List.of("c1", "c2"));
        for (int i = 0; i < 8; i++) {
            tagsOf.put("c1-" + i, List.of("c1"));
            tagsOf.put("c2-" + i, List.of("c2"));
        }
        for (int i = 0; tagsOf.size() < size; i++) tagsOf.put("other-" + i, List.of("other-" + i));
        List<ArticleEntry> articles = new ArrayList<>();
        Map<String, List<String>> members = new LinkedHashMap<>();
        tagsOf.forEach((id, tags) -> {
            List<TagRef> refs = tags.stream().map(t -> new TagRef(t, TagKind.TOPIC, t)).toList();
            Article a = new Article(id, id + ".txt", "0", ArticleMeta.titled(id), List.of(), "", "");
            articles.add(new ArticleEntry(a, "articles/undated/" + id + ".html", refs));
            for (String t : tags) members.computeIfAbsent(t, k -> new ArrayList<>()).add(id);
        });
        List<TagEntry> tags = new ArrayList<>();
        members.forEach((t, ids) -> tags.add(new TagEntry(t, TagKind.TOPIC, t, ids)));
        return new SiteIndex(articles, tags);
    }
}
