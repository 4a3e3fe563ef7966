package clippings.model;

import java.util.List;

/**
 * Every article placed in the site, in site order (newest first, undated last), and every tag.
 *
 * @param tags sorted by name, case-insensitively, then by slug
 */
public record SiteIndex(List<ArticleEntry> articles, List<TagEntry> tags) {
    /** No articles and no tags: what an index made with no earlier one at hand starts from. */
    public static final SiteIndex EMPTY = new SiteIndex(List.of(), List.of());

    public SiteIndex {
        articles = List.copyOf(articles);
        tags = List.copyOf(tags);
    }
}
