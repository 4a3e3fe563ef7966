package clippings.markdown;

import clippings.model.InputException;
import clippings.model.InputFormat;
import clippings.model.MarkdownArticle;
import clippings.model.RawArticle;
import clippings.model.TagKind;
import clippings.model.TagOrigin;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownReaderTest {
    private final MarkdownReader reader = new MarkdownReader();

    private static RawArticle md(String text) {
        return new RawArticle("a/story.md", InputFormat.MARKDOWN, text, "0".repeat(64), "UTF-8");
    }

    @Test
    void readsEveryFrontMatterField() {
        MarkdownArticle a = reader.read(md("""
                ---
                title: A story
                description: Short
                source: The Paper
                url: https://example.com/story
                date: 2015-01-07T10:30:00+02:00
                authors: [Jane Doe, John Roe]
                tags: [Moscow, Economy]
                tag_kinds:
                  Moscow: place
                id: abc123
                ---

                Body *text*.
                """));
        assertEquals("A story", a.meta().title());
        assertEquals(Optional.of("Short"), a.meta().description());
        assertEquals(Optional.of("The Paper"), a.meta().source());
        assertEquals("2015-01-07T10:30:00+02:00", a.meta().date().orElseThrow().iso());
        assertEquals(List.of("Jane Doe", "John Roe"), a.meta().authors());
        assertEquals(TagKind.PLACE, a.tags().get(0).kind());
        assertEquals(TagKind.TOPIC, a.tags().get(1).kind());
        assertEquals(TagOrigin.FRONT_MATTER, a.tags().get(0).origin());
        assertEquals(Optional.of("abc123"), a.id());
        assertEquals("Body *text*.\n", a.markdown());
    }

    @Test
    void readsTheSlugAPersonAskedFor() {
        assertEquals(Optional.of("my-slug"), reader.read(md("---\ntitle: T\nslug: my-slug\n---\nx\n")).slug());
        assertEquals(Optional.empty(), reader.read(md("---\ntitle: T\n---\nx\n")).slug());
    }

    @Test
    void dateOnlyStaysDateOnly() {
        MarkdownArticle a = reader.read(md("---\ntitle: T\ndate: 2015-01-07\n---\nx\n"));
        assertEquals("2015-01-07", a.meta().date().orElseThrow().iso());
    }

    @Test
    void titleFromHeadingWhenThereIsNoFrontMatter() {
        MarkdownArticle a = reader.read(md("# The title\n\nBody.\n"));
        assertEquals("The title", a.meta().title());
        assertEquals("Body.\n", a.markdown());
    }

    @Test
    void brokenYamlNamesTheLine() {
        InputException e = assertThrows(InputException.class,
                () -> reader.read(md("---\ntitle: ok\nauthors: [unclosed\n---\nx\n")));
        assertEquals(4, e.line(), e.getMessage());
    }

    @Test
    void wrongTypeNamesTheKeyAndLine() {
        InputException e = assertThrows(InputException.class,
                () -> reader.read(md("---\ntitle: ok\nsource:\n  nested: map\n---\nx\n")));
        assertEquals(3, e.line());
        assertEquals("source must be a single value, not a mapping", e.getMessage());
    }

    @Test
    void badDateIsAnError() {
        InputException e = assertThrows(InputException.class,
                () -> reader.read(md("---\ntitle: ok\ndate: next tuesday\n---\nx\n")));
        assertEquals(3, e.line());
    }

    @Test
    void readsTheCaptureTimeAndNamesTheKeyWhenItIsWrong() {
        var md = reader.read(md("---\ntitle: ok\ncaptured: 2019-11-21T09:15:23Z\n---\nx\n"));
        assertEquals("2019-11-21T09:15:23Z", md.meta().captured().orElseThrow().iso());
        InputException e = assertThrows(InputException.class,
                () -> reader.read(md("---\ntitle: ok\ncaptured: yesterday\n---\nx\n")));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("captured 'yesterday' is not ISO 8601"), e.getMessage());
    }

    @Test
    void yamlThatNamesJavaClassesIsRefused() {
        assertThrows(InputException.class,
                () -> reader.read(md("---\ntitle: !!javax.script.ScriptEngineManager [x]\n---\nx\n")));
    }

    @Test
    void missingTitleIsAnError() {
        InputException e = assertThrows(InputException.class, () -> reader.read(md("---\nsource: x\n---\nbody\n")));
        assertEquals("front matter has no title", e.getMessage());
    }
}
