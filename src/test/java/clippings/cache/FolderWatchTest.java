package clippings.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Only a local file system of Linux has a watch (elsewhere every build looks at every file, and these reports
 * are always unknown).
 */
@EnabledOnOs(OS.LINUX)
class FolderWatchTest {
    @TempDir
    Path dir;

    private Path site() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(FolderWatch.local(dir), "a local file system");
        Path site = dir.resolve("site");
        Files.createDirectories(site.resolve("d"));
        Files.writeString(site.resolve("f1.html"), "one");
        Files.writeString(site.resolve("d/f2.html"), "two");
        return site;
    }

    private static FolderWatch.Changes report(Path site) {
        return FolderWatch.changesTo(site).orElseThrow(() -> new AssertionError("no report"));
    }

    @Test
    void theFirstReportIsUnknownThenEachHasWhatWasTouchedSinceTheLast() throws IOException {
        Path site = site();
        assertTrue(FolderWatch.changesTo(site).isEmpty(), "the watch starts: nothing is known of before");
        assertEquals(Set.of(), report(site).paths());

        Files.writeString(site.resolve("f1.html"), "one, edited");
        assertEquals(Set.of("f1.html"), report(site).paths());
        assertEquals(Set.of(), report(site).paths(), "a change is reported once");

        Files.setLastModifiedTime(site.resolve("d/f2.html"), java.nio.file.attribute.FileTime.fromMillis(0));
        assertEquals(Set.of("d/f2.html"), report(site).paths(), "a new time alone is a change");

        Files.createDirectories(site.resolve("d/new/deep"));
        Files.writeString(site.resolve("d/new/deep/file.html"), "put there at once");
        FolderWatch.Changes folder = report(site);
        assertTrue(folder.touches("d/new/deep/file.html"), folder.paths().toString());
        assertFalse(folder.touches("d/f2.html"));
        assertFalse(folder.touches("d/new-not-under.html"));

        Files.writeString(site.resolve("d/new/deep/other.html"), "the new folder is watched now");
        Files.delete(site.resolve("d/f2.html"));
        assertEquals(Set.of("d/new/deep/other.html", "d/f2.html"), report(site).paths());
    }

    /** Each report waits for the operating system's queue: a change made just before it is in it. */
    @Test
    void aChangeMadeJustBeforeAReportIsInIt() throws IOException {
        Path site = site();
        FolderWatch.changesTo(site);
        for (int i = 0; i < 50; i++) {
            Files.writeString(site.resolve("d/f2.html"), "edit " + i);
            assertTrue(report(site).touches("d/f2.html"), "edit " + i);
        }
    }

    /** A build that swaps a new folder in under the site's name leaves a watch of the old one: not trusted. */
    @Test
    void aSiteSwappedForAnotherFolderIsUnknownOnce() throws IOException {
        Path site = site();
        FolderWatch.changesTo(site);
        report(site);
        Files.move(site, dir.resolve("old"));
        Files.createDirectories(site);
        Files.writeString(site.resolve("f1.html"), "new site");
        assertTrue(FolderWatch.changesTo(site).isEmpty(), "the new folder is watched from now");
        Files.writeString(site.resolve("f1.html"), "edited");
        assertEquals(Set.of("f1.html"), report(site).paths());
    }

    /**
     * A folder filled by this process and moved in under the site's name is watched from before the move: the
     * first report after it has what was touched since, where a watch started after it would give none.
     */
    @Test
    void aFolderSwappedInIsWatchedFromBeforeTheMove() throws IOException {
        Path site = site();
        FolderWatch.changesTo(site);
        Path staging = dir.resolve("staging");
        Files.createDirectories(staging.resolve("d"));
        Files.writeString(staging.resolve("f1.html"), "new site");
        Files.writeString(staging.resolve("d/f3.html"), "new site");
        FolderWatch.swapIn(staging, site, List.of("f1.html", "d/f3.html"), () -> {
            Files.move(site, dir.resolve("old"));
            Files.move(staging, site);
        });
        assertEquals(Set.of(), report(site).paths(), "known from the move on");
        Files.writeString(site.resolve("d/f3.html"), "edited");
        Files.createDirectories(site.resolve("n"));
        Files.writeString(site.resolve("n/x.html"), "put there");
        FolderWatch.Changes changes = report(site);
        assertTrue(changes.touches("d/f3.html"), changes.toString());
        assertTrue(changes.touches("n/x.html"), changes.toString());
        assertFalse(changes.touches("f1.html"), changes.toString());
        Files.writeString(site.resolve("n/y.html"), "the new folder is watched");
        assertEquals(Set.of("n/y.html"), report(site).paths());

        // A move that fails leaves no watch behind, and the site's next report is unknown once.
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        assertThrows(IOException.class, () -> FolderWatch.swapIn(other, site, List.of(), () -> {
            throw new IOException("disk full");
        }));
        assertTrue(FolderWatch.changesTo(site).isEmpty());
        assertEquals(Set.of(), report(site).paths());
    }

    @Test
    void theFoldersOfFilesAreEachFolderAboveThem() {
        assertEquals(Set.of("", "a", "a/b", "a/b/c", "d"),
                FolderWatch.foldersOf(List.of("a/b/c/x.html", "a/y.html", "a/b/z.html", "d/w.html", "top.html")));
        assertEquals(Set.of(""), FolderWatch.foldersOf(List.of()));
    }

    /** A file is touched when it or a folder above it is, however many paths were touched. */
    @Test
    void aFileIsTouchedThroughItselfOrAFolderAboveIt() {
        java.util.Set<String> few = java.util.Set.of("d/new", "a.html", "tags/x.xml");
        java.util.Set<String> many = new java.util.HashSet<>(few);
        for (int i = 0; i < 100; i++) many.add("other/" + i + ".html");
        for (var changes : java.util.List.of(new FolderWatch.Changes(few), new FolderWatch.Changes(many))) {
            assertTrue(changes.touches("d/new"));
            assertTrue(changes.touches("d/new/deep/file.html"));
            assertTrue(changes.touches("a.html"));
            assertTrue(changes.touches("tags/x.xml"));
            assertFalse(changes.touches("d/new-not-under.html"));
            assertFalse(changes.touches("d/ne"));
            assertFalse(changes.touches("d"));
            assertFalse(changes.touches("a.html.bak"));
            assertFalse(changes.touches("tags/x.xml2"));
            assertFalse(changes.touches("tags"));
        }
        assertFalse(new FolderWatch.Changes(java.util.Set.of()).touches("a.html"));
    }
    /**
     * The lookup by hash code against the plain definition (the path or one of its folders is a touched path), on
     * random paths over a few names, two of which share a hash code ("Aa" and "BB").
     */
    @Test
    void touchesIsThePathOrAFolderAboveItAmongTheTouched() {
        java.util.Random random = new java.util.Random(20261207);
        String[] names = {"Aa", "BB", "a", "b.html", "tags", "x.xml", "page"};
        java.util.function.Supplier<String> path = () -> {
            StringBuilder sb = new StringBuilder(names[random.nextInt(names.length)]);
            for (int i = random.nextInt(4); i > 0; i--) sb.append('/').append(names[random.nextInt(names.length)]);
            return sb.toString();
        };
        for (int round = 0; round < 200; round++) {
            java.util.Set<String> touched = new java.util.HashSet<>();
            for (int i = random.nextInt(round % 2 == 0 ? 5 : 100); i >= 0; i--) touched.add(path.get());
            FolderWatch.Changes changes = new FolderWatch.Changes(touched);
            for (int i = 0; i < 100; i++) {
                String p = path.get();
                boolean expected = false;
                for (int end = p.length(); end > 0; end = p.lastIndexOf('/', end - 1)) {
                    expected |= touched.contains(p.substring(0, end));
                }
                assertEquals(expected, changes.touches(p), p + " with " + touched);
            }
        }
    }
}
