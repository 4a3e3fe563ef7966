package clippings.render;

import clippings.model.ArticleEntry;
import clippings.model.SiteIndex;
import clippings.model.TagEntry;
import clippings.model.TagRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tags that appear most often on the same articles as a tag (co-occurrence), for the "related tags" of a
 * tag page. Ties go to the rarer tag (it says more), then to the name.
 * <p>Immutable once built; thread-safe.
 */
final class RelatedTags {
    static final int LIMIT = 8;

    private final Map<String, List<TagEntry>> bySlug = new HashMap<>();

    RelatedTags(SiteIndex index) {
        Map<String, TagEntry> tags = new HashMap<>();
        for (TagEntry t : index.tags()) tags.put(t.slug(), t);
        Map<String, Map<String, Integer>> together = new HashMap<>();
        for (ArticleEntry e : index.articles()) {
            for (TagRef a : e.tags()) {
                for (TagRef b : e.tags()) {
                    if (!a.slug().equals(b.slug())) {
                        together.computeIfAbsent(a.slug(), k -> new HashMap<>()).merge(b.slug(), 1, Integer::sum);
                    }
                }
            }
        }
        together.forEach((slug, counts) -> {
            List<Map.Entry<String, Integer>> ranked = new ArrayList<>(counts.entrySet());
            ranked.sort((x, y) -> {
                int c = Integer.compare(y.getValue(), x.getValue());
                if (c != 0) return c;
                c = Integer.compare(tags.get(x.getKey()).articleIds().size(), tags.get(y.getKey()).articleIds().size());
                if (c != 0) return c;
                c = tags.get(x.getKey()).name().toLowerCase(Locale.ROOT)
                        .compareTo(tags.get(y.getKey()).name().toLowerCase(Locale.ROOT));
                return c != 0 ? c : x.getKey().compareTo(y.getKey());
            });
            List<TagEntry> top = new ArrayList<>();
            for (var entry : ranked.subList(0, Math.min(LIMIT, ranked.size()))) top.add(tags.get(entry.getKey()));
            bySlug.put(slug, List.copyOf(top));
        });
    }

    List<TagEntry> of(String slug) {
        return bySlug.getOrDefault(slug, List.of());
    }
}
