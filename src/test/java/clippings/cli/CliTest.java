package clippings.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the command line in-process with captured output, as a user would from a shell. */
class CliTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ClippingsCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    private Path content(String name, String text) throws IOException {
        Path c = dir.resolve("content");
        Files.createDirectories(c);
        Files.writeString(c.resolve(name), text);
        return c;
    }

    private String[] build(Path content, String... more) {
        String[] base = {"build", "--content", content.toString(), "--out", dir.resolve("site").toString(),
                "--report", dir.resolve("report.json").toString(), "--templates", Path.of("templates").toAbsolutePath().toString()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void helpListsTheCommands() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("build"), out.toString());
        assertEquals(0, run("build", "--help"));
        assertTrue(out.toString().contains("--base-url"), out.toString());
    }

    @Test
    void quietPrintsOnlyErrorsAndNoCacheWritesNoCache() throws IOException {
        Path c = content("a.txt", "Title\n\nBody text here, long enough to be an article of its own.");
        Files.write(c.resolve("b.txt"), new byte[]{0, 1, 2, 3, 0, 0, 7});
        assertEquals(1, run(build(c, "--quiet", "--no-cache")));
        assertEquals("", out.toString());
        assertTrue(err.toString().contains("b.txt"), err.toString());
        assertTrue(!Files.exists(dir.resolve(".clippings/cache")), "--no-cache leaves no cache");
        assertEquals(1, run(build(c)));
        assertTrue(out.toString().contains("articles"), out.toString());
        assertTrue(Files.isDirectory(dir.resolve(".clippings/cache")), "builds are cached by default");
    }

    @Test
    void versionIsPrinted() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("clippings "), out.toString());
    }

    @Test
    void usageErrorsExitWith2() {
        assertEquals(2, run("--no-such-option"));
        assertEquals(2, run());
        assertEquals(2, run("build", "--content", dir.resolve("missing").toString()));
        assertTrue(err.toString().contains("content folder not found"), err.toString());
    }

    @Test
    void configErrorsExitWith2() throws IOException {
        Path c = content("a.txt", "Title\n\nBody text here.");
        Path config = dir.resolve("clippings.yml");
        Files.writeString(config, "titel: x\n");
        assertEquals(2, run(build(c, "--config", config.toString())));
        assertTrue(err.toString().contains("unknown key 'titel'"), err.toString());
        assertFalse(Files.exists(dir.resolve("site")));
    }

    @Test
    void buildSucceedsWith0() throws IOException {
        Path c = content("a.txt", "Site icon Test Paper\n\nTitle\n\nBody text here.\n\nExit mobile version");
        assertEquals(0, run(build(c)), err.toString());
        assertTrue(Files.isRegularFile(dir.resolve("site/index.html")));
        assertTrue(Files.isRegularFile(dir.resolve("report.json")));
        assertTrue(out.toString().contains("1 inputs: 1 published, 0 duplicates, 0 skipped, 0 failed"), out.toString());
    }

    @Test
    void failedInputExitsWith1AndNamesTheFile() throws IOException {
        Path c = content("good.txt", "Title\n\nBody text here.");
        Files.writeString(c.resolve("bad.md"), "---\ntitle: [unclosed\n---\nx\n");
        assertEquals(1, run(build(c)));
        assertTrue(err.toString().startsWith("bad.md:3:1: invalid front matter"), err.toString());
        assertTrue(Files.isRegularFile(dir.resolve("site/index.html")), "the good article is still published");
    }

    @Test
    void strictKeepsThePreviousSite() throws IOException {
        Path c = content("good.txt", "Title\n\nBody text here.");
        assertEquals(0, run(build(c)));
        String before = Files.readString(dir.resolve("site/index.html"));
        Files.writeString(c.resolve("bad.md"), "---\nsource: no title\n---\nx\n");
        Files.writeString(c.resolve("good.txt"), "Changed title\n\nBody text here.");
        assertEquals(1, run(build(c, "--strict")));
        assertEquals(before, Files.readString(dir.resolve("site/index.html")));
    }

    @Test
    void extractShowsExactlyWhatBuildPublishes() throws IOException {
        Path c = dir.resolve("content");
        Files.createDirectories(c);
        Path seed = Files.copy(Path.of("content/000_259fb651ae3d4348.txt"), c.resolve("000_259fb651ae3d4348.txt"));
        Files.copy(Path.of("content/ef4e67b66d63.html"), c.resolve("ef4e67b66d63.html"));
        assertEquals(0, run(build(c)), err.toString());
        for (Path input : List.of(seed, c.resolve("ef4e67b66d63.html"))) {
            out.getBuffer().setLength(0);
            assertEquals(0, run("extract", "--format", "markdown", "--content", c.toString(), input.toString()));
            String extracted = out.toString();
            String id = extracted.lines().filter(l -> l.startsWith("id: ")).findFirst().orElseThrow().substring(4);
            try (var pages = Files.walk(dir.resolve("site/articles"))) {
                Path md = pages.filter(p -> p.toString().endsWith(id.substring(0, 6) + ".md")).findFirst().orElseThrow();
                assertEquals(Files.readString(md), extracted);
            }
        }
    }

    @Test
    void extractJsonHasOneObjectPerFile() throws IOException {
        Path c = content("a.txt", "Site icon Test Paper\n\nTitle here\n\nBy Jane Doe\n\nBody text here.");
        Files.writeString(c.resolve("b.txt"), "Second\n\nMore body.");
        assertEquals(0, run("extract", "--content", c.toString(), c.resolve("a.txt").toString(), c.resolve("b.txt").toString()));
        List<String> lines = out.toString().lines().toList();
        assertEquals(2, lines.size());
        var a = com.google.gson.JsonParser.parseString(lines.get(0)).getAsJsonObject();
        assertEquals("a.txt", a.get("file").getAsString());
        assertEquals("Title here", a.get("title").getAsString());
        assertEquals("Test Paper", a.get("siteName").getAsString());
        assertEquals("Jane Doe", a.get("authors").getAsJsonArray().get(0).getAsString());
        assertEquals("Body text here.", a.get("text").getAsString());
        assertTrue(a.get("date").isJsonNull());
        assertTrue(a.get("captured").isJsonNull(), "no capture time is invented");
    }

    @Test
    void extractJsonShowsWhenTheFileWasCaptured() throws IOException {
        Path c = content("a.html", "<html><!--\n Page saved with SingleFile \n url: https://news.example/a \n"
                + " saved date: Thu Nov 21 2019 10:15:23 GMT+0100 (Central European Standard Time)\n-->"
                + "<head><title>Harbour closed</title></head><body><article><p>The harbour was closed on Monday as the"
                + " storm reached the coast, and ferries stayed in port all day.</p><p>Engineers will inspect the outer"
                + " wall on Tuesday, the port authority said, before boats may leave.</p></article></body></html>");
        assertEquals(0, run("extract", "--content", c.toString(), c.resolve("a.html").toString()), err.toString());
        var a = com.google.gson.JsonParser.parseString(out.toString().strip()).getAsJsonObject();
        assertEquals("2019-11-21T10:15:23+01:00", a.get("captured").getAsString());
    }

    @Test
    void extractReportsUnreadableFilesAndGoesOn() throws IOException {
        Path c = content("a.txt", "Title\n\nBody.");
        assertEquals(1, run("extract", "--content", c.toString(), c.resolve("missing.txt").toString(), c.resolve("a.txt").toString()));
        assertTrue(err.toString().startsWith(c.resolve("missing.txt") + ": cannot read"), err.toString());
        assertEquals(1, out.toString().lines().count());
    }

    @Test
    void tagsPrintsTheTagTableWithKindsCountsSourcesAndMerges() throws IOException {
        Path c = dir.resolve("content");
        Files.createDirectories(c);
        Files.copy(Path.of("content/000_259fb651ae3d4348.txt"), c.resolve("seed.txt"));
        Files.writeString(c.resolve("other.md"), "---\ntitle: Another story\ntags: [Moscow, Budget]\n---\n\nText.\n");
        assertEquals(0, run("tags", "--json", "--content", c.toString()), err.toString());
        var rows = com.google.gson.JsonParser.parseString(out.toString()).getAsJsonArray();
        var byName = new java.util.TreeMap<String, com.google.gson.JsonObject>();
        rows.forEach(r -> byName.put(r.getAsJsonObject().get("name").getAsString(), r.getAsJsonObject()));
        assertEquals(2, byName.get("Moscow").get("count").getAsInt());
        assertEquals("place", byName.get("Moscow").get("kind").getAsString());
        assertEquals("[\"front-matter\",\"automatic\"]", byName.get("Moscow").get("sources").toString());
        assertEquals("[\"Khalid Khoja\"]", byName.get("Khaled Khoja").get("merged").toString());
        assertEquals("person", byName.get("Khaled Khoja").get("kind").getAsString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("tags", "--content", c.toString()));
        assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("Khaled Khoja") && l.endsWith("Khalid Khoja")),
                out.toString());
        assertFalse(Files.exists(dir.resolve("site")), "tags writes nothing");
    }

    @Test
    void baseUrlMustBeAbsolute() throws IOException {
        Path c = content("a.txt", "Title\n\nBody.");
        assertEquals(2, run(build(c, "--base-url", "example.org")));
    }
}
