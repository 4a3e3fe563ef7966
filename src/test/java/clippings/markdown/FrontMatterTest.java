package clippings.markdown;

import clippings.model.ArticleDate;
import clippings.model.ArticleMeta;
import clippings.model.InputFormat;
import clippings.model.RawArticle;
import clippings.model.Tag;
import clippings.model.TagKind;
import clippings.model.TagOrigin;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FrontMatterTest {
    @Test
    void writesKnownFieldsOnlyAndReadsThemBack() {
        ArticleMeta meta = new ArticleMeta("1. Not a list: \"quoted\"", Optional.empty(), List.of("A. Writer"),
                Optional.of(ArticleDate.of(LocalDate.of(2015, 1, 7))), Optional.of("Middle East Monitor"),
                Optional.empty(), Optional.empty(), Optional.empty());
        List<Tag> tags = List.of(new Tag("Moscow", TagKind.PLACE, TagOrigin.AUTOMATIC),
                new Tag("yes", TagKind.TOPIC, TagOrigin.AUTOMATIC));
        String fm = FrontMatter.write("abc", "x.txt", "f".repeat(64), meta, tags);
        assertEquals("""
                ---
                title: '1. Not a list: "quoted"'
                source: Middle East Monitor
                date: 2015-01-07
                authors:
                - A. Writer
                tags:
                - Moscow
                - 'yes'
                tag_kinds:
                  Moscow: place
                id: abc
                origin: x.txt
                sha256: ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff
                ---
                """, fm);
        var back = new MarkdownReader().read(new RawArticle("x.md", InputFormat.MARKDOWN, fm + "\nBody\n", "0", "UTF-8"));
        assertEquals(meta, back.meta());
        assertEquals(List.of("Moscow", "yes"), back.tags().stream().map(Tag::name).toList());
        assertEquals(TagKind.PLACE, back.tags().get(0).kind());
    }

    /** The lead image's caption and the capture time survive a round trip through the published Markdown (#5). */
    @Test
    void captionAndCaptureTimeRoundTrip() {
        ArticleMeta meta = new ArticleMeta("Title", Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("https://news.example/lead.jpg"), Optional.empty(),
                Optional.of("Crowds at the harbour: \"quoted\""),
                Optional.of(ArticleDate.of(java.time.OffsetDateTime.parse("2019-11-21T10:15:23+01:00"))));
        String fm = FrontMatter.write("abc", "x.html", "f".repeat(64), meta, List.of());
        assertEquals("""
                ---
                title: Title
                image: https://news.example/lead.jpg
                image_caption: 'Crowds at the harbour: "quoted"'
                tags: []
                id: abc
                origin: x.html
                sha256: ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff
                captured: 2019-11-21T10:15:23+01:00
                ---
                """, fm);
        var back = new MarkdownReader().read(new RawArticle("x.md", InputFormat.MARKDOWN, fm + "\nBody\n", "0", "UTF-8"));
        assertEquals(meta, back.meta());
    }
}
