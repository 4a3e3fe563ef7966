package clippings.render;

import clippings.model.ArticleEntry;
import clippings.model.SiteIndex;
import clippings.model.TagEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the articles most related to each article: every shared tag counts its rarity (inverse document
 * frequency, {@code ln(N / df)}), so two articles about one small town beat two articles tagged with the
 * country; ties go to the more recent article, then the site order (#5).
 * <p>Tags on more than {@value #MAX_DF} articles are left out: they add almost nothing to the score and would
 * make the work grow with the square of the archive.
 * <p>Immutable once built; thread-safe.
 */
final class RelatedArticles {
    static final int COUNT = 5;
    private static final int MAX_DF = 2000;

    private final List<ArticleEntry> articles;
    private final Map<String, Integer> position = new HashMap<>();
    private final Map<String, TagEntry> tags = new HashMap<>();
    private final int n;

    RelatedArticles(SiteIndex index) {
        this.articles = index.articles();
        this.n = articles.size();
        for (int i = 0; i < n; i++) position.put(articles.get(i).article().id(), i);
        for (TagEntry t : index.tags()) tags.put(t.slug(), t);
    }

    /** Up to {@value #COUNT} related articles, best first. */
    List<ArticleEntry> of(ArticleEntry e) {
        Map<Integer, Double> score = new HashMap<>();
        int self = position.get(e.article().id());
        for (var ref : e.tags()) {
            TagEntry t = tags.get(ref.slug());
            if (t == null || t.articleIds().size() > MAX_DF) continue;
            double idf = Math.log((double) n / t.articleIds().size());
            for (String id : t.articleIds()) {
                int p = position.get(id);
                if (p != self) score.merge(p, idf, Double::sum);
            }
        }
        List<Map.Entry<Integer, Double>> ranked = new ArrayList<>(score.entrySet());
        // Site order is newest first, so the position breaks ties by recency and then by path.
        ranked.sort(Map.Entry.<Integer, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<ArticleEntry> out = new ArrayList<>();
        for (var r : ranked.subList(0, Math.min(COUNT, ranked.size()))) out.add(articles.get(r.getKey()));
        return out;
    }
}
