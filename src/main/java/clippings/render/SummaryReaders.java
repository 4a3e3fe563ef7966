package clippings.render;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which pages show what of which article: for each article id, the pages whose key read its summary (listings
 * it is on, the pages of its neighbours in time and of the articles it is related to). It is a function of the
 * index, the theme and the configuration, so while they stay the same, an article whose summary changed changes
 * those pages and no others (#7). Pages are kept once, in {@code pages}; an article's entry holds their indexes.
 */
public record SummaryReaders(List<String> pages, Map<String, int[]> byArticle) {
    public static final SummaryReaders NONE = new SummaryReaders(List.of(), Map.of());

    /** The pages that read the summary of any of these articles. */
    public Set<String> pagesReading(Collection<String> articleIds) {
        Set<String> found = new HashSet<>();
        for (String id : articleIds) {
            for (int i : byArticle.getOrDefault(id, new int[0])) found.add(pages.get(i));
        }
        return found;
    }
}
