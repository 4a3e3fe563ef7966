package clippings.model;

import java.util.List;
import java.util.Objects;

/**
 * A scrape reduced to its article: metadata, publisher tags and a sanitised HTML body.
 *
 * @param bodyHtml the article body as safe HTML (paragraphs, headings, lists, quotes, tables, figures)
 * @param warnings things the cleaner noticed and could not fix, reported with the input's name
 */
public record CleanArticle(String origin, ArticleMeta meta, List<Tag> tags, String bodyHtml, List<String> warnings) {
    public CleanArticle {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(meta, "meta");
        tags = List.copyOf(tags);
        Objects.requireNonNull(bodyHtml, "bodyHtml");
        warnings = List.copyOf(warnings);
    }
}
