package clippings.model;

import java.util.Objects;

/**
 * An article's text in the forms the site publishes: the Markdown beside its page, the sanitised HTML in the
 * page, and the plain text that search indexes.
 */
public record ArticleBody(String markdown, String html, String text) {
    public ArticleBody {
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
    }
}
