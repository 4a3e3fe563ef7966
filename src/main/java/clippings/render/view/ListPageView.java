package clippings.render.view;

import java.util.List;
import java.util.Optional;

/**
 * A paginated listing of articles: the home index or a tag page.
 *
 * @param kind  for tag pages, the tag's kind ({@code person}, {@code place}…); empty on the home index
 * @param count   how many articles the whole listing holds, over all its pages
 * @param related on a tag page's first page, the tags found most often on the same articles (their counts are
 *                left 0); empty elsewhere
 */
public record ListPageView(String heading, Optional<String> kind, int count, List<ArticleSummaryView> articles,
                           PaginationView pagination, List<TagLinkView> related) {
    public ListPageView {
        articles = List.copyOf(articles);
        related = List.copyOf(related);
    }
}
