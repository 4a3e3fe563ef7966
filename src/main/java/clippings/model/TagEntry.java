package clippings.model;

import java.util.List;
import java.util.Objects;

/**
 * One tag of the site with its articles.
 *
 * @param slug       the tag page is {@code tags/<slug>.html}
 * @param articleIds ids of its articles, in site order (newest first, undated last)
 */
public record TagEntry(String name, TagKind kind, String slug, List<String> articleIds) {
    public TagEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(slug, "slug");
        articleIds = List.copyOf(articleIds);
    }
}
