package clippings.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An article as Markdown with front matter: either converted from a scrape or written by a person.
 *
 * @param id       the id given in front matter, if any; otherwise the build derives one
 * @param markdown the body, without front matter
 * @param slug     the slug asked for in front matter, if any
 */
public record MarkdownArticle(String origin, ArticleMeta meta, List<Tag> tags, Optional<String> id, String markdown,
                              Optional<String> slug) {
    public MarkdownArticle(String origin, ArticleMeta meta, List<Tag> tags, Optional<String> id, String markdown) {
        this(origin, meta, tags, id, markdown, Optional.empty());
    }

    public MarkdownArticle {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(meta, "meta");
        tags = List.copyOf(tags);
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(markdown, "markdown");
    }
}
