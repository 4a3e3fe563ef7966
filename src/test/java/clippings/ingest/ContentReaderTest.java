package clippings.ingest;

import clippings.model.InputFormat;
import clippings.model.Problem;
import clippings.model.RawArticle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentReaderTest {
    @TempDir
    Path dir;
    private final ContentReader reader = new ContentReader(1_000_000);

    private void write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
    }

    private void write(String name, String text) throws IOException {
        write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTextHtmlAndMarkdownInPathOrder() throws IOException {
        write("b.html", "<html><body><p>x</p></body></html>");
        write("a.txt", "Title\n\nBody");
        write("sub/c.md", "# T\n\nBody");
        ContentSet set = reader.read(dir);
        assertEquals(List.of("a.txt", "b.html", "sub/c.md"), set.inputs().stream().map(RawArticle::origin).toList());
        assertEquals(List.of(InputFormat.TEXT, InputFormat.HTML, InputFormat.MARKDOWN),
                set.inputs().stream().map(RawArticle::format).toList());
    }

    @Test
    void markdownWithTheSameStemReplacesTheScrape() throws IOException {
        write("story.txt", "Title\n\nBody");
        write("story.md", "# Corrected\n\nBody");
        write("other/story.txt", "Another folder, another story\n\nBody");
        ContentSet set = reader.read(dir);
        assertEquals(List.of("other/story.txt", "story.md"), set.inputs().stream().map(RawArticle::origin).toList());
        assertEquals(List.of(Problem.of("story.txt", "replaced by story.md")), set.skipped());
    }

    @Test
    void otherFilesAreReportedAsSkipped() throws IOException {
        write("notes.pdf", "x");
        write("a.txt", "T\n\nB");
        ContentSet set = reader.read(dir);
        assertEquals(1, set.skipped().size());
        assertEquals("notes.pdf", set.skipped().get(0).file());
    }

    @Test
    void emptyBinaryAndOversizedFilesFail() throws IOException {
        write("empty.txt", new byte[0]);
        write("image.html", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        write("big.txt", "x".repeat(2_000_000));
        ContentSet set = reader.read(dir);
        assertEquals(List.of(), set.inputs());
        assertEquals(List.of("big.txt", "empty.txt", "image.html"),
                set.failed().stream().map(Problem::file).sorted().toList());
        assertTrue(set.failed().stream().anyMatch(p -> p.message().equals("binary file, not text")));
    }

    @Test
    void decodesLikeABrowser() throws IOException {
        Charset cp1252 = Charset.forName("windows-1252");
        write("bom.txt", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "Caf\u00e9".getBytes(StandardCharsets.UTF_8)));
        write("latin.html", "<meta charset=iso-8859-1><p>\u201cQuoted\u201d caf\u00e9</p>".getBytes(cp1252));
        write("undeclared.txt", "na\u00efve \u2014 text".getBytes(cp1252));
        ContentSet set = reader.read(dir);
        RawArticle bom = set.inputs().get(0);
        assertEquals("Caf\u00e9", bom.text());
        assertEquals("UTF-8 (byte-order mark)", bom.encoding());
        RawArticle latin = set.inputs().get(1);
        assertTrue(latin.text().contains("\u201cQuoted\u201d caf\u00e9"), latin.text());
        assertEquals("windows-1252 (declared by the page)", latin.encoding());
        assertEquals("na\u00efve \u2014 text", set.inputs().get(2).text());
    }

    @Test
    void recordsTheSha256OfTheBytes() throws IOException {
        write("a.txt", "abc");
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                reader.read(dir).inputs().get(0).sha256());
    }

    @Test
    void symbolicLinksAreNotFollowed() throws IOException {
        Path outside = Files.createTempFile("outside", ".txt");
        Files.writeString(outside, "Secret\n\nText");
        Files.createSymbolicLink(dir.resolve("link.txt"), outside);
        ContentSet set = reader.read(dir);
        assertEquals(List.of(), set.inputs());
        assertEquals("link.txt", set.skipped().get(0).file());
        Files.delete(outside);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
