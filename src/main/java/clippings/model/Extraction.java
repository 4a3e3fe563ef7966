package clippings.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A cleaned article together with what the cleaner learnt about its metadata that the article's front
 * matter does not carry: which source the publication date was taken from, and when the page says it was
 * last modified (issue 3; shown by {@code clippings extract}).
 *
 * @param dateSource where the chosen date was stated, e.g. {@code json-ld:datePublished},
 *                   {@code meta:article:published_time}, {@code time}, {@code url}, {@code text}
 * @param modified   the page's last-modified date, when it states one
 */
public record Extraction(CleanArticle article, Optional<String> dateSource, Optional<ArticleDate> modified) {
    public Extraction {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(dateSource, "dateSource");
        Objects.requireNonNull(modified, "modified");
    }
}
