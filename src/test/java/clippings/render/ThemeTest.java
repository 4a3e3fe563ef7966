package clippings.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ThemeTest {
    @TempDir
    Path dir;

    /**
     * A template's digest names the templates it uses, and no other; a theme read again (each build reads its own)
     * gives the digests the last one gave while its files are the same, and new ones when they change.
     */
    @Test
    void aTemplatesDigestFollowsTheTemplatesItUses() throws IOException {
        Files.writeString(dir.resolve("layout.html"), "<html th:fragment=\"page(body)\"><body>one</body></html>");
        Files.writeString(dir.resolve("article.html"),
                "<html th:replace=\"~{layout :: page(~{::main})}\"><main/></html>");
        Files.writeString(dir.resolve("tag.html"), "<html><body>tag</body></html>");
        String article = Theme.directory(dir).fingerprint("article");
        String tag = Theme.directory(dir).fingerprint("tag");
        assertEquals(article, Theme.directory(dir).fingerprint("article"), "same files, same digest");

        Files.writeString(dir.resolve("layout.html"), "<html th:fragment=\"page(body)\"><body>two</body></html>");
        Theme edited = Theme.directory(dir);
        assertNotEquals(article, edited.fingerprint("article"), "the layout it uses changed");
        assertEquals(tag, edited.fingerprint("tag"), "the tag page uses no layout");

        Files.writeString(dir.resolve("tag.html"), "<html><body>tags</body></html>");
        assertEquals(edited.fingerprint("article"), Theme.directory(dir).fingerprint("article"));
        assertNotEquals(tag, Theme.directory(dir).fingerprint("tag"));
    }
}
