package clippings.render;

import clippings.render.view.PageLinkView;
import clippings.render.view.PaginationView;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PaginatorTest {
    @Test
    void countsPages() {
        assertEquals(1, Paginator.pageCount(0, 20));
        assertEquals(1, Paginator.pageCount(20, 20));
        assertEquals(2, Paginator.pageCount(21, 20));
    }

    @Test
    void longBarsKeepEndsAndAWindow() {
        PaginationView bar = Paginator.bar(50, 5000, n -> n == 1 ? "index.html" : "page/" + n + ".html");
        assertEquals(List.of(1, 48, 49, 50, 51, 52, 5000), bar.pages().stream().map(PageLinkView::number).toList());
        assertEquals(List.of(false, true, false, false, false, false, true),
                bar.pages().stream().map(PageLinkView::gapBefore).toList());
        assertEquals("../index.html", bar.pages().get(0).href());
        assertEquals(Optional.of("49.html"), bar.previousHref());
        assertEquals(Optional.of("51.html"), bar.nextHref());
    }

    @Test
    void firstPageHasNoPrevious() {
        PaginationView bar = Paginator.bar(1, 2, n -> n == 1 ? "index.html" : "page/" + n + ".html");
        assertEquals(Optional.empty(), bar.previousHref());
        assertEquals(Optional.of("page/2.html"), bar.nextHref());
    }
}
