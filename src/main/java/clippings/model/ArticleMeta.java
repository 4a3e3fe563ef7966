package clippings.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What is known about an article besides its body: the fields of its front matter.
 *
 * @param source       the publication's name (site name), e.g. {@code Middle East Monitor}
 * @param url          the canonical URL of the original, when known
 * @param imageCaption the lead image's caption, when the capture printed one (or described the image)
 * @param captured     when the original was captured, as the capture itself or its sidecar states it; never
 *                     a file's modification time, which a copy or a clone changes (#5)
 */
public record ArticleMeta(
        String title,
        Optional<String> description,
        List<String> authors,
        Optional<ArticleDate> date,
        Optional<String> source,
        Optional<String> url,
        Optional<String> image,
        Optional<String> language,
        Optional<String> imageCaption,
        Optional<ArticleDate> captured) {

    /** Without a lead image caption or capture time. */
    public ArticleMeta(String title, Optional<String> description, List<String> authors, Optional<ArticleDate> date,
                       Optional<String> source, Optional<String> url, Optional<String> image,
                       Optional<String> language) {
        this(title, description, authors, date, source, url, image, language, Optional.empty(), Optional.empty());
    }

    public ArticleMeta {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        authors = List.copyOf(authors);
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(imageCaption, "imageCaption");
        Objects.requireNonNull(captured, "captured");
    }

    public static ArticleMeta titled(String title) {
        return new ArticleMeta(title, Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ArticleMeta withDescription(Optional<String> d) {
        return new ArticleMeta(title, d, authors, date, source, url, image, language, imageCaption, captured);
    }

    public ArticleMeta withDate(Optional<ArticleDate> d) {
        return new ArticleMeta(title, description, authors, d, source, url, image, language, imageCaption, captured);
    }

    public ArticleMeta withLinks(Optional<String> u, Optional<String> i) {
        return new ArticleMeta(title, description, authors, date, source, u, i, language, imageCaption, captured);
    }

    public ArticleMeta withSource(Optional<String> s) {
        return new ArticleMeta(title, description, authors, date, s, url, image, language, imageCaption, captured);
    }

    public ArticleMeta withImageCaption(Optional<String> caption) {
        return new ArticleMeta(title, description, authors, date, source, url, image, language, caption, captured);
    }

    public ArticleMeta withCaptured(Optional<ArticleDate> c) {
        return new ArticleMeta(title, description, authors, date, source, url, image, language, imageCaption, c);
    }
}
