package clippings.render;

import clippings.render.view.PageLinkView;
import clippings.render.view.PaginationView;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Splits a listing into pages and draws the numbered bar: first and last page, and two on either side of the
 * current one, so a listing of 5,000 pages still has a short bar.
 */
final class Paginator {
    private static final int WINDOW = 2;

    private Paginator() {
    }

    static int pageCount(int items, int pageSize) {
        return Math.max(1, (items + pageSize - 1) / pageSize);
    }

    /**
     * @param pagePath site path of page {@code n} (1-based)
     */
    static PaginationView bar(int current, int total, IntFunction<String> pagePath) {
        String here = pagePath.apply(current);
        List<PageLinkView> links = new ArrayList<>();
        int last = 0;
        for (int n = 1; n <= total; n++) {
            boolean shown = n == 1 || n == total || Math.abs(n - current) <= WINDOW;
            if (!shown) continue;
            links.add(new PageLinkView(n, RelativeLinks.href(here, pagePath.apply(n)), n == current, n > last + 1));
            last = n;
        }
        Optional<String> prev = current > 1
                ? Optional.of(RelativeLinks.href(here, pagePath.apply(current - 1))) : Optional.empty();
        Optional<String> next = current < total
                ? Optional.of(RelativeLinks.href(here, pagePath.apply(current + 1))) : Optional.empty();
        return new PaginationView(current, total, links, prev, next);
    }
}
