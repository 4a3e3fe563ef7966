package clippings.output;

import clippings.model.OutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SiteOutputTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheSiteOnlyOnCommit() throws IOException {
        Path site = dir.resolve("site");
        Files.createDirectories(site);
        Files.writeString(site.resolve("old.html"), "old");
        try (SiteOutput out = SiteOutput.begin(site)) {
            out.write(OutputFile.utf8("new.html", "new"));
            assertEquals(List.of("old.html"), names(site));
        }
        assertEquals(List.of("old.html"), names(site), "an uncommitted build leaves the old site");
        assertEquals(List.of("site"), names(dir), "and no staging folder");
        try (SiteOutput out = SiteOutput.begin(site)) {
            out.write(OutputFile.utf8("a/new.html", "new"));
            out.commit();
        }
        assertEquals(List.of("a"), names(site));
        assertEquals(List.of("site"), names(dir));
    }

    @Test
    void removesLeftoversOfAKilledBuild() throws IOException {
        Files.createDirectories(dir.resolve(".site.staging-123/x"));
        Files.createDirectories(dir.resolve(".site.old-456"));
        try (SiteOutput out = SiteOutput.begin(dir.resolve("site"))) {
            out.commit();
        }
        assertEquals(List.of("site"), names(dir));
    }

    @Test
    void restoresThePreviousSiteWhenABuildWasKilledBetweenItsRenames() throws IOException {
        Files.createDirectories(dir.resolve(".site.old-789"));
        Files.writeString(dir.resolve(".site.old-789/index.html"), "previous");
        Files.createDirectories(dir.resolve(".site.staging-123"));
        try (SiteOutput out = SiteOutput.begin(dir.resolve("site"))) {
            assertEquals("previous", Files.readString(dir.resolve("site/index.html")));
        }
        assertEquals(List.of("site"), names(dir));
    }

    @Test
    void refusesPathsThatDifferOnlyInCase() {
        try (SiteOutput out = SiteOutput.begin(dir.resolve("site"))) {
            out.write(OutputFile.utf8("tags/Gaza.html", "a"));
            var e = assertThrows(IllegalStateException.class, () -> out.write(OutputFile.utf8("tags/gaza.html", "b")));
            assertEquals("pages tags/Gaza.html and tags/gaza.html differ only in case", e.getMessage());
        }
    }

    @Test
    void outputPathsCannotEscapeTheSite() {
        for (String bad : List.of("../x.html", "/abs.html", "a/../../x", "a\\b", "", "a//b")) {
            assertThrows(IllegalArgumentException.class, () -> OutputFile.utf8(bad, "x"), bad);
        }
        assertFalse(Files.exists(dir.resolve("x.html")));
    }

    private static List<String> names(Path p) throws IOException {
        try (var s = Files.list(p)) {
            return s.map(x -> x.getFileName().toString()).sorted().toList();
        }
    }
}
