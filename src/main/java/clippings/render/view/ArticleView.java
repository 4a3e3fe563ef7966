package clippings.render.view;

import clippings.model.BodyRef;

import java.util.List;
import java.util.Optional;

/**
 * What an article page shows.
 *
 * @param sourceHref   the source's page in this site, when the source is known
 * @param url          the original's address, when known
 * @param image        the lead image's address, when the capture had one
 * @param imageCaption the lead image's caption, when the capture had one
 * @param body         the sanitised body, loaded only when the page is rendered; templates use {@code bodyHtml}
 * @param markdownHref the Markdown file published beside the page, unless {@code publish.markdown} is off
 * @param sha256       hex SHA-256 of the original capture file
 * @param captureHref  the original capture, published beside the page as plain text, unless
 *                     {@code publish.captures} is off
 * @param capturedIso  when the original was captured, ISO 8601 for {@code <time datetime>}, when known
 * @param capturedText the same for people: {@code 21 November 2019, 09:15 UTC}
 * @param previous     the next older dated article
 * @param next         the next newer dated article
 * @param related      up to five articles sharing the rarest tags, then the most recent
 */
public record ArticleView(String title, Optional<String> description, Optional<String> source,
                          Optional<String> sourceHref, Optional<String> url,
                          Optional<String> dateIso, Optional<String> dateText, List<String> authors,
                          List<TagGroupView> tagGroups, Optional<String> image, Optional<String> imageCaption,
                          BodyRef body, Optional<String> markdownHref, String sha256, Optional<String> captureHref,
                          Optional<String> capturedIso, Optional<String> capturedText,
                          Optional<ArticleSummaryView> previous,
                          Optional<ArticleSummaryView> next, List<ArticleSummaryView> related) {
    public ArticleView {
        authors = List.copyOf(authors);
        tagGroups = List.copyOf(tagGroups);
        related = List.copyOf(related);
    }

    /** The sanitised body, inserted unescaped. */
    public String bodyHtml() {
        return body.load().html();
    }
}
