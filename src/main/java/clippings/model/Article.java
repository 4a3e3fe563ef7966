package clippings.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An article ready to publish: identity, metadata, every tag, its Markdown and the HTML rendered from it.
 *
 * @param id       stable identity: the same story keeps it across builds and edits
 * @param origin   the input file it was built from, relative to the content folder
 * @param sha256   hex SHA-256 of that input file
 * @param bodyHtml the Markdown rendered to sanitised HTML
 * @param slug     the slug a person asked for in front matter ({@code slug:}); the title's otherwise
 */
public record Article(String id, String origin, String sha256, ArticleMeta meta, List<Tag> tags,
                      String markdown, String bodyHtml, Optional<String> slug) {
    public Article(String id, String origin, String sha256, ArticleMeta meta, List<Tag> tags, String markdown,
                   String bodyHtml) {
        this(id, origin, sha256, meta, tags, markdown, bodyHtml, Optional.empty());
    }

    public Article {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(meta, "meta");
        tags = List.copyOf(tags);
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(bodyHtml, "bodyHtml");
    }

    public Article withTags(List<Tag> newTags) {
        return new Article(id, origin, sha256, meta, newTags, markdown, bodyHtml, slug);
    }

    public Article withId(String newId) {
        return new Article(newId, origin, sha256, meta, tags, markdown, bodyHtml, slug);
    }
}
