package clippings.model;

import java.util.List;

/**
 * Every article placed in the site, in site order (newest first, undated last), and every tag.
 *
 * @param tags sorted by name, case-insensitively, then by slug
 */
public record SiteIndex(List<ArticleEntry> articles, List<TagEntry> tags) {
    public SiteIndex {
        articles = List.copyOf(articles);
        tags = List.copyOf(tags);
    }
}
