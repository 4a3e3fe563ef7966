package clippings.model;

import java.util.List;
import java.util.Objects;

/**
 * One source (the publication's site name) with its articles.
 *
 * @param slug       the source page is {@code sources/<slug>.html}
 * @param articleIds ids of its articles, in site order (newest first, undated last)
 */
public record SourceEntry(String name, String slug, List<String> articleIds) {
    public SourceEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(slug, "slug");
        articleIds = List.copyOf(articleIds);
    }
}
