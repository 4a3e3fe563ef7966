package clippings.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An article ready to publish: identity, metadata, every tag, and its body (Markdown, the HTML rendered from
 * it, plain text), which large builds keep on disk until a page needs it.
 *
 * @param id       stable identity: the same story keeps it across builds and edits
 * @param origin   the input file it was built from, relative to the content folder
 * @param sha256   hex SHA-256 of that input file
 * @param body     the Markdown, the HTML rendered from it and sanitised, and the plain text
 * @param slug     the slug a person asked for in front matter ({@code slug:}); the title's otherwise
 */
public record Article(String id, String origin, String sha256, ArticleMeta meta, List<Tag> tags,
                      BodyRef body, Optional<String> slug) {
    /** An article whose body is held in memory; its plain text is left empty (search uses the HTML). */
    public Article(String id, String origin, String sha256, ArticleMeta meta, List<Tag> tags, String markdown,
                   String bodyHtml) {
        this(id, origin, sha256, meta, tags, BodyRef.of(new ArticleBody(markdown, bodyHtml, "")), Optional.empty());
    }

    public Article {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(meta, "meta");
        tags = List.copyOf(tags);
        Objects.requireNonNull(body, "body");
    }

    /** The Markdown (loaded from where the body is kept). */
    public String markdown() {
        return body.load().markdown();
    }

    /** The sanitised HTML of the body (loaded from where the body is kept). */
    public String bodyHtml() {
        return body.load().html();
    }

    public Article withTags(List<Tag> newTags) {
        return new Article(id, origin, sha256, meta, newTags, body, slug);
    }

    public Article withId(String newId) {
        return new Article(newId, origin, sha256, meta, tags, body, slug);
    }

    public Article withBody(BodyRef newBody) {
        return new Article(id, origin, sha256, meta, tags, newBody, slug);
    }
}
