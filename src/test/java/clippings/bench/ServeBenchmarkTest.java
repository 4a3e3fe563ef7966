package clippings.bench;

import clippings.build.ConfigLoader;
import clippings.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServeBenchmarkTest {
    @TempDir
    Path tmp;

    @Test
    void timesEachEditAsAnIncrementalRebuildWithTheGivenConfiguration() throws Exception {
        StringWriter out = new StringWriter();
        Path yml = Files.writeString(tmp.resolve("clippings.yml"), "base_url: https://example.org/archive/\n");
        Path work = tmp.resolve("work");
        int code = new ServeBenchmark(work, ConfigLoader.load(Optional.of(yml)), new PrintWriter(out))
                .run(12, 3, Fixtures.repo().resolve("templates"), 2);
        String text = out.toString();
        assertEquals(0, code, text);
        List<String> lines = text.lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("cold build")), text);
        List<String> edits = lines.stream().filter(l -> l.startsWith("one article edited")).toList();
        assertEquals(2, edits.size(), text);
        for (String e : edits) {
            assertTrue(e.contains("unchanged") || e.contains("pages="), e);
            assertTrue(!e.contains("(failed)"), e);
            assertTrue(e.matches("one article edited +\\d+ ms  cpu +\\d+ ms .*"), e);
        }
        assertTrue(text.contains("edits: median"), text);
        assertTrue(text.matches("(?s).*; CPU median \\d+ ms\n.*"), text);
        assertTrue(Files.isDirectory(work.resolve(".clippings").resolve("cache")), "the rebuilds are cached");
        assertTrue(Files.readString(work.resolve("site/sitemap.xml")).contains("https://example.org/archive/"),
                "the builds are given the configuration");
    }
}
