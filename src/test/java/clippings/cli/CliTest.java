package clippings.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

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
    void baseUrlMustBeAbsolute() throws IOException {
        Path c = content("a.txt", "Title\n\nBody.");
        assertEquals(2, run(build(c, "--base-url", "example.org")));
    }
}
