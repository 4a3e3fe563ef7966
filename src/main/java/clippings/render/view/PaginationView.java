package clippings.render.view;

import java.util.List;
import java.util.Optional;

/** Where a listing page stands among its pages, with links to the others. */
public record PaginationView(int current, int total, List<PageLinkView> pages, Optional<String> previousHref,
                             Optional<String> nextHref) {
    public PaginationView {
        pages = List.copyOf(pages);
    }
}
