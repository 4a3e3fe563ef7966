package clippings.model;

import java.util.List;
import java.util.Objects;

/**
 * An article placed in the site.
 *
 * @param path the page's path below the site root, e.g. {@code articles/2015/01/some-title-259fb6.html}
 * @param tags the article's tags, each with its tag page
 */
public record ArticleEntry(Article article, String path, List<TagRef> tags) {
    public ArticleEntry {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(path, "path");
        tags = List.copyOf(tags);
    }

    /** The path of the Markdown published beside the page. */
    public String markdownPath() {
        return path.substring(0, path.length() - ".html".length()) + ".md";
    }
}
