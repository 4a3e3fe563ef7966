package clippings.render;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RelativeLinksTest {
    @Test
    void linksAreRelativeToThePage() {
        assertEquals("tags/gaza.html", RelativeLinks.href("index.html", "tags/gaza.html"));
        assertEquals("gaza.html", RelativeLinks.href("tags/index.html", "tags/gaza.html"));
        assertEquals("../../../tags/gaza.html", RelativeLinks.href("articles/2015/01/a.html", "tags/gaza.html"));
        assertEquals("a.md", RelativeLinks.href("articles/2015/01/a.html", "articles/2015/01/a.md"));
        assertEquals("../../2016/02/b.html", RelativeLinks.href("articles/2015/01/a.html", "articles/2016/02/b.html"));
        assertEquals("../../", RelativeLinks.root("tags/gaza/page/2.html").substring(0, 6));
    }
}
