package clippings.render;

import clippings.cache.ProcessMemory;
import clippings.model.SiteConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageEngineTest {
    @TempDir
    Path dir;

    public record Named(String name) {
    }

    @AfterEach
    void forget() {
        ProcessMemory.forget();
    }

    private static String render(Path templates, String name) {
        PageEngine pages = new PageEngine(Theme.directory(templates), SiteConfig.defaults());
        return new String(pages.page("note", "notes/a.html", new Named(name)).content(), StandardCharsets.UTF_8);
    }

    /**
     * A process that builds again keeps its template engine (and the templates it parsed) for a theme of the
     * same files in the same place; an edited template, or another folder, gets a new engine, which renders
     * what the files now say.
     */
    @Test
    void anEngineIsKeptOnlyForTheSameThemeFiles() throws IOException {
        ProcessMemory.keep();
        Files.writeString(dir.resolve("note.html"), "<p th:text=\"${page.name}\">x</p>");
        assertEquals("<p>first</p>", render(dir, "first").strip());
        var engine = PageEngine.engineFor(Theme.directory(dir));
        assertSame(engine, PageEngine.engineFor(Theme.directory(dir)), "the same files: the same engine");
        assertEquals("<p>again</p>", render(dir, "again").strip());

        Files.writeString(dir.resolve("note.html"), "<div th:text=\"${page.name}\">x</div>");
        assertNotSame(engine, PageEngine.engineFor(Theme.directory(dir)), "an edited template");
        assertEquals("<div>edited</div>", render(dir, "edited").strip(), "not the template parsed before");

        Path other = Files.createDirectory(dir.resolve("other"));
        Files.copy(dir.resolve("note.html"), other.resolve("note.html"));
        var here = PageEngine.engineFor(Theme.directory(dir));
        assertNotSame(here, PageEngine.engineFor(Theme.directory(other)), "the same files in another folder");
        ProcessMemory.forget();
        assertNotSame(PageEngine.engineFor(Theme.directory(other)), PageEngine.engineFor(Theme.directory(dir)));
        assertTrue(render(dir, "x").contains("<div>x</div>"));
    }
}
