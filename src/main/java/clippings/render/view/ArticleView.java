package clippings.render.view;

import java.util.List;
import java.util.Optional;

/**
 * What an article page shows.
 *
 * @param url          the original's address, when known
 * @param bodyHtml     the sanitised body, inserted unescaped
 * @param markdownHref the Markdown file published beside the page
 */
public record ArticleView(String title, Optional<String> description, Optional<String> source, Optional<String> url,
                          Optional<String> dateIso, Optional<String> dateText, List<String> authors,
                          List<TagGroupView> tagGroups, String bodyHtml, String markdownHref) {
    public ArticleView {
        authors = List.copyOf(authors);
        tagGroups = List.copyOf(tagGroups);
    }
}
