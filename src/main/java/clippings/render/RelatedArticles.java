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
 * country; ties go to the more recent article, then the site order (#5). {@code N} is the number of articles
 * rounded up to a power of two ({@link #scale}): with the exact number, an article that came or went changed
 * every weight, and so possibly any article's related articles, and every article page had to be keyed again
 * after it. Now that happens only when the archive crosses a power of two (#7).
 * <p>Tags on more than {@value #MAX_DF} articles are left out: they add almost nothing to the score and would
 * make the work grow with the square of the archive.
 * <p>Immutable once built; thread-safe.
 */
final class RelatedArticles {
    static final int COUNT = 5;
    private static final int MAX_DF = 2000;

    private final List<ArticleEntry> articles;
    private final Map<String, Integer> position = new HashMap<>();
    /** Tag slug → positions of its articles in site order, for tags not too common to count. */
    private final Map<String, int[]> members = new HashMap<>();
    private final Map<String, Double> idf = new HashMap<>();
    private final int n;
    /** Per-thread score table: one array for the archive, reset after each article, rather than a map each time. */
    private final ThreadLocal<Scores> scratch;

    RelatedArticles(SiteIndex index) {
        this.articles = index.articles();
        this.n = articles.size();
        double scale = scale(n);
        for (int i = 0; i < n; i++) position.put(articles.get(i).article().id(), i);
        for (TagEntry t : index.tags()) {
            if (!counts(t.articleIds().size())) continue;
            int[] ps = new int[t.articleIds().size()];
            for (int i = 0; i < ps.length; i++) ps[i] = position.get(t.articleIds().get(i));
            members.put(t.slug(), ps);
            idf.put(t.slug(), Math.log(scale / ps.length));
        }
        this.scratch = ThreadLocal.withInitial(() -> new Scores(n));
    }

    /** The {@code N} of the weights for an archive of {@code articles}: the least power of two not below it. */
    static int scale(int articles) {
        return articles <= 1 ? 1 : Integer.highestOneBit(articles - 1) << 1;
    }

    /** Whether a tag on {@code articles} articles counts towards related articles at all. */
    static boolean counts(int articles) {
        return articles <= MAX_DF;
    }

    /** Up to {@value #COUNT} related articles, best first. */
    List<ArticleEntry> of(ArticleEntry e) {
        int self = position.get(e.article().id());
        Scores s = scratch.get();
        for (var ref : e.tags()) {
            int[] ps = members.get(ref.slug());
            if (ps == null) continue;
            double w = idf.get(ref.slug());
            for (int p : ps) if (p != self) s.add(p, w);
        }
        // Best score first; site order is newest first, so the position breaks ties by recency and then by path.
        int[] best = TopRanked.of(s.order, s.touched, COUNT, (p, q) -> better(s, p, q));
        s.reset();
        List<ArticleEntry> out = new ArrayList<>(best.length);
        for (int p : best) out.add(articles.get(p));
        return out;
    }

    private static boolean better(Scores s, int p, int q) {
        int c = Double.compare(s.score[p], s.score[q]);
        return c > 0 || c == 0 && p < q;
    }

    /** Scores of the articles touched so far, and which they are. */
    private static final class Scores {
        final double[] score;
        final boolean[] seen;
        final int[] order;
        int touched;

        Scores(int n) {
            score = new double[n];
            seen = new boolean[n];
            order = new int[n];
        }

        void add(int p, double w) {
            if (!seen[p]) {
                seen[p] = true;
                order[touched++] = p;
            }
            score[p] += w;
        }

        void reset() {
            for (int i = 0; i < touched; i++) {
                score[order[i]] = 0;
                seen[order[i]] = false;
            }
            touched = 0;
        }
    }
}
