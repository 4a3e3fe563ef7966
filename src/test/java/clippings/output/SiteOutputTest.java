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
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * A kept group's files are refused like written ones when another file has their path or one that differs
     * only in case, whichever comes first; paths with capitals are kept as well.
     */
    @Test
    void keptFilesClashWithWrittenOnesInEitherOrder() {
        Path site = dir.resolve("site");
        java.util.Map<String, clippings.cache.SiteFileRecord> first;
        try (SiteOutput out = SiteOutput.begin(site)) {
            out.write(OutputFile.pendingUtf8("tags/gaza.html", "d1", () -> "a"), "pages@v1");
            out.write(OutputFile.pendingUtf8("tags/Kyiv.html", "d2", () -> "b"), "pages@v1");
            out.write(OutputFile.pendingUtf8("tags/\uD801\uDC00.html", "d3", () -> "c"), "pages@v1");
            out.commit();
            first = out.record();
        }
        try (SiteOutput out = SiteOutput.begin(site, first)) {
            assertTrue(out.keepGroup("pages", "v1"));
            assertEquals(3, out.kept());
            var e = assertThrows(IllegalStateException.class, () -> out.write(OutputFile.utf8("tags/kyiv.html", "x")));
            assertEquals("pages tags/Kyiv.html and tags/kyiv.html differ only in case", e.getMessage());
        }
        for (String clashing : List.of("tags/Gaza.html", "tags/gaza.html", "tags/\uD801\uDC28.html")) {
            try (SiteOutput out = SiteOutput.begin(site, first)) {
                assertTrue(out.keepGroup("pages", "v1"));
                var e = assertThrows(IllegalStateException.class, () -> out.write(OutputFile.utf8(clashing, "x")));
                assertTrue(e.getMessage().contains(clashing), e.getMessage());
            }
            try (SiteOutput out = SiteOutput.begin(site, first)) {
                out.write(OutputFile.utf8(clashing, "x"));
                var e = assertThrows(IllegalStateException.class, () -> out.keepGroup("pages", "v1"), clashing);
                assertTrue(e.getMessage().contains(clashing), e.getMessage());
            }
        }
        try (SiteOutput out = SiteOutput.begin(site, first)) {
            assertTrue(out.keepGroup("pages", "v1"));
            out.write(OutputFile.utf8("tags/other.html", "x"));
            out.commit();
            assertEquals(4, out.files());
        }
    }

    /**
     * A process that builds again remembers which groups have paths with capitals, and looks at the case of no
     * other kept group's files: a clash with a kept path that has capitals is still found in the next builds,
     * with or without the memory (a build that changed nothing keeps the whole site).
     */
    @Test
    void groupsWithCapitalsAreRememberedAcrossWatchedBuilds() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(clippings.cache.FolderWatch.local(dir), "a local file system");
        clippings.cache.ProcessMemory.keep();
        Path site = dir.resolve("site");
        java.util.Map<String, clippings.cache.SiteFileRecord> record;
        try (SiteOutput out = SiteOutput.begin(site, java.util.Map.of(), true)) {
            out.write(OutputFile.pendingUtf8("tags/Kyiv.html", "d1", () -> "k"), "tags@v1");
            out.write(OutputFile.pendingUtf8("tags/gaza.html", "d2", () -> "g"), "tags@v1");
            out.write(OutputFile.pendingUtf8("articles/a.html", "d3", () -> "a"), "pages@v1");
            out.commit();
            record = out.record();
        }
        try {
            for (int build = 0; build < 3; build++) {
                if (build == 2) clippings.cache.ProcessMemory.forget();
                try (SiteOutput out = SiteOutput.begin(site, record, true)) {
                    assertTrue(out.keepGroup("tags", "v1"));
                    assertTrue(out.keepGroup("pages", "v1"));
                    var e = assertThrows(IllegalStateException.class, () -> out.write(OutputFile.utf8("tags/kyiv.html", "x")));
                    assertEquals("pages tags/Kyiv.html and tags/kyiv.html differ only in case", e.getMessage(), "build " + build);
                    assertThrows(IllegalStateException.class, () -> out.write(OutputFile.utf8("articles/A.html", "x")));
                }
                try (SiteOutput out = SiteOutput.begin(site, record, true)) {
                    assertTrue(out.keepAll());
                    var e = assertThrows(IllegalStateException.class, () -> out.write(OutputFile.utf8("tags/KYIV.html", "x")));
                    assertEquals("pages tags/Kyiv.html and tags/KYIV.html differ only in case", e.getMessage(), "build " + build);
                    out.commit();
                    record = out.record();
                }
            }
        } finally {
            clippings.cache.ProcessMemory.forget();
        }
    }

    /** A kept file and a written one that clash are refused when two threads record them at the same time. */
    @Test
    void aClashIsFoundWhenAGroupIsKeptWhileAnotherThreadWrites() throws Exception {
        Path site = dir.resolve("site");
        java.util.Map<String, clippings.cache.SiteFileRecord> record;
        try (SiteOutput out = SiteOutput.begin(site)) {
            for (int i = 0; i < 2_000; i++) out.write(OutputFile.pendingUtf8("p/" + i + ".html", "d" + i, () -> "x"), "g@v");
            out.commit();
            record = out.record();
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 30; round++) {
                String clashing = round % 2 == 0 ? "p/" + (round * 61) + ".html" : "P/" + (round * 61) + ".html";
                try (SiteOutput out = SiteOutput.begin(site, record)) {
                    var start = new java.util.concurrent.CountDownLatch(1);
                    var keep = pool.submit(() -> {
                        start.await();
                        return out.keepGroup("g", "v");
                    });
                    long delay = round * 100_000L; // from before the group is kept to after it is
                    var write = pool.submit(() -> {
                        start.await();
                        java.util.concurrent.locks.LockSupport.parkNanos(delay);
                        out.write(OutputFile.utf8(clashing, "y"));
                        return true;
                    });
                    start.countDown();
                    int refused = 0;
                    for (var f : List.of(keep, write)) {
                        try {
                            f.get();
                        } catch (java.util.concurrent.ExecutionException e) {
                            assertTrue(e.getCause() instanceof IllegalStateException, e.getCause().toString());
                            refused++;
                        }
                    }
                    assertTrue(refused >= 1, "round " + round + ": " + clashing + " was not refused");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void isLowerCaseIsWhatLowerCasingLeavesAlone() {
        for (String p : List.of("tags/gaza.html", "tags/Gaza.html", "ÉCOLE", "école", "\u0130", "\u03a3\u03a3",
                "\uD801\uDC00", "\uD801\uDC28", "ß", "ǅ", "@[a]_`{~}\u007f", "@Z", "A", "a/b-c.d~e")) {
            assertEquals(p.toLowerCase(java.util.Locale.ROOT).equals(p), SiteOutput.isLowerCase(p), p);
        }
    }

    @Test
    void outputPathsCannotEscapeTheSite() {
        for (String bad : List.of("../x.html", "/abs.html", "a/../../x", "a\\b", "", "a//b")) {
            assertThrows(IllegalArgumentException.class, () -> OutputFile.utf8(bad, "x"), bad);
        }
        assertFalse(Files.exists(dir.resolve("x.html")));
    }

    @Test
    void updatesASiteInPlaceKeepingUnchangedFilesAndRemovingWhatIsGone() throws IOException {
        Path site = dir.resolve("site");
        java.util.Map<String, clippings.cache.SiteFileRecord> first;
        try (SiteOutput out = SiteOutput.begin(site)) {
            out.write(OutputFile.pendingUtf8("a/same.html", "d1", () -> "same"));
            out.write(OutputFile.pendingUtf8("a/changed.html", "d2", () -> "before"));
            out.write(OutputFile.pendingUtf8("gone/old.html", "d3", () -> "old"));
            out.write(OutputFile.utf8("style.css", "css"));
            for (int i = 0; i < 8; i++) out.write(OutputFile.pendingUtf8("keep/" + i + ".html", "k" + i, () -> "k"));
            out.commit();
            first = out.record();
        }
        long sameInode = inode(site.resolve("a/same.html"));
        long siteInode = inode(site);
        Files.writeString(site.resolve("stray.html"), "put there by hand");
        try (SiteOutput out = SiteOutput.begin(site, first)) {
            out.write(OutputFile.pendingUtf8("a/same.html", "d1", () -> { throw new AssertionError("not kept"); }));
            out.write(OutputFile.pendingUtf8("a/changed.html", "d2b", () -> "after"));
            out.write(OutputFile.utf8("style.css", "css"));
            out.write(OutputFile.pendingUtf8("b/new.html", "d4", () -> "new"));
            for (int i = 0; i < 8; i++) out.write(OutputFile.pendingUtf8("keep/" + i + ".html", "k" + i, () -> "k"));
            assertEquals("before", Files.readString(site.resolve("a/changed.html")), "nothing moves before commit");
            out.commit();
            assertEquals(10, out.kept());
        }
        assertEquals(List.of("a", "b", "keep", "style.css"), names(site));
        assertEquals(sameInode, inode(site.resolve("a/same.html")));
        assertEquals(List.of("changed.html", "same.html"), names(site.resolve("a")));
        assertEquals("after", Files.readString(site.resolve("a/changed.html")));
        assertEquals(siteInode, inode(site), "the site was updated in place, not replaced");
        assertEquals(List.of("site"), names(dir), "no staging folder or marker left");
    }

    /**
     * A group is kept but for the files the caller makes again, only while it was made from the same inputs and
     * none of its files was changed on disk.
     */
    @Test
    void keepsAGroupButTheFilesMadeAgain() throws IOException {
        Path site = dir.resolve("site");
        java.util.Map<String, clippings.cache.SiteFileRecord> first;
        try (SiteOutput out = SiteOutput.begin(site)) {
            for (int i = 0; i < 3; i++) out.write(OutputFile.pendingUtf8("p/" + i + ".html", "k" + i, () -> "page"), "pages@v1");
            out.write(OutputFile.utf8("feed.xml", "feed"));
            out.commit();
            first = out.record();
        }
        try (SiteOutput out = SiteOutput.begin(site, first)) {
            assertTrue(!out.keepGroup("pages", "v2", java.util.Set.of("p/0.html")), "made from other inputs");
        }
        try (SiteOutput out = SiteOutput.begin(site, first)) {
            assertTrue(out.keepGroup("pages", "v1", java.util.Set.of("p/0.html")));
            out.write(OutputFile.pendingUtf8("p/0.html", "k0b", () -> "page again"), "pages@v1");
            out.write(OutputFile.utf8("feed.xml", "feed"));
            out.commit();
            assertEquals(java.util.Set.of("p/0.html", "p/1.html", "p/2.html", "feed.xml"), out.record().keySet());
            first = out.record();
        }
        assertEquals("page again", Files.readString(site.resolve("p/0.html")));
        Files.writeString(site.resolve("p/2.html"), "edited by hand");
        try (SiteOutput out = SiteOutput.begin(site, first)) {
            assertTrue(!out.keepGroup("pages", "v1", java.util.Set.of("p/0.html")), "a member was changed on disk");
        }
    }

    @Test
    void aSiteAnInterruptedUpdateLeftIsWrittenAgainInFull() throws IOException {
        Path site = dir.resolve("site");
        java.util.Map<String, clippings.cache.SiteFileRecord> first;
        try (SiteOutput out = SiteOutput.begin(site)) {
            out.write(OutputFile.pendingUtf8("a.html", "d1", () -> "a"));
            out.commit();
            first = out.record();
        }
        Files.writeString(dir.resolve(".site.updating"), "");
        try (SiteOutput out = SiteOutput.begin(site, first)) {
            out.write(OutputFile.pendingUtf8("a.html", "d1", () -> "a"));
            out.commit();
            assertEquals(0, out.kept());
        }
        assertEquals(List.of("site"), names(dir));
    }

    @Test
    void aSiteWithMostFilesChangedIsSwappedInWhole() throws IOException {
        Path site = dir.resolve("site");
        java.util.Map<String, clippings.cache.SiteFileRecord> first;
        try (SiteOutput out = SiteOutput.begin(site)) {
            for (int i = 0; i < 4; i++) out.write(OutputFile.pendingUtf8("p" + i + ".html", "d" + i, () -> "old"));
            out.commit();
            first = out.record();
        }
        long keptInode = inode(site.resolve("p0.html"));
        Files.writeString(site.resolve("stray.html"), "put there by hand");
        try (SiteOutput out = SiteOutput.begin(site, first)) {
            out.write(OutputFile.pendingUtf8("p0.html", "d0", () -> "old"));
            for (int i = 1; i < 4; i++) out.write(OutputFile.pendingUtf8("p" + i + ".html", "new" + i, () -> "new"));
            out.commit();
            assertEquals(1, out.kept());
        }
        assertEquals(List.of("p0.html", "p1.html", "p2.html", "p3.html"), names(site));
        assertEquals(keptInode, inode(site.resolve("p0.html")), "the kept file is linked, not copied");
        assertEquals("new", Files.readString(site.resolve("p3.html")));
        assertEquals(List.of("site"), names(dir));
    }

    @Test
    void keepsAWholeSiteOnlyWhenNoFileOfItChanged() throws IOException {
        Path site = dir.resolve("site");
        java.util.Map<String, clippings.cache.SiteFileRecord> first;
        try (SiteOutput out = SiteOutput.begin(site)) {
            out.write(OutputFile.pendingUtf8("a.html", "d1", () -> "a"));
            out.write(OutputFile.pendingUtf8("b/c.html", "d2", () -> "c"));
            out.commit();
            first = out.record();
        }
        try (SiteOutput out = SiteOutput.begin(site, first)) {
            assertTrue(out.keepAll());
            out.commit();
            assertEquals(2, out.kept());
            assertEquals(first, out.record());
        }
        Files.writeString(site.resolve("b/c.html"), "edited by hand");
        try (SiteOutput out = SiteOutput.begin(site, first)) {
            assertFalse(out.keepAll());
            assertEquals(0, out.files(), "nothing kept: the caller writes the site");
        }
    }

    /**
     * A watched site (serve, the daemon) looks only at the files its watch reports touched, yet a file edited
     * by hand is made again and files and folders put there by hand are removed, as without a watch.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "last record sorted: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
    void aWatchedSiteMissesNoHandEdit(boolean sorted) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(clippings.cache.FolderWatch.local(dir), "a local file system");
        Path site = dir.resolve("site");
        List<String> paths = List.of("a.html", "b/c.html", "d/e.html");
        java.util.Map<String, clippings.cache.SiteFileRecord> record = firstSite(site, paths);
        for (int build = 0; build < 2; build++) { // the first starts the watch, the second is told what changed
            try (SiteOutput out = SiteOutput.begin(site, record, true)) {
                assertTrue(out.keepAll(), "build " + build);
                out.commit();
                record = sorted ? new java.util.TreeMap<>(out.record()) : out.record();
            }
        }
        Files.writeString(site.resolve("a.html"), "edited by hand");
        Files.writeString(site.resolve("b/stray.html"), "put there by hand");
        Files.writeString(site.resolve("stray.html"), "put beside a file edited by hand");
        Files.createDirectories(site.resolve("x/y"));
        Files.writeString(site.resolve("x/y/z.html"), "put there by hand");
        try (SiteOutput out = SiteOutput.begin(site, record, true)) {
            assertFalse(out.keepAll());
            for (String p : paths) out.write(OutputFile.pendingUtf8(p, p, () -> "made"));
            out.commit();
            assertEquals(2, out.kept());
            record = sorted ? new java.util.TreeMap<>(out.record()) : out.record();
        }
        assertEquals("made", Files.readString(site.resolve("a.html")));
        assertEquals(List.of("a.html", "b", "d"), names(site));
        assertEquals(List.of("c.html"), names(site.resolve("b")));
        try (SiteOutput out = SiteOutput.begin(site, record, true)) {
            assertTrue(out.keepAll(), "its own writes are reported, and found as it made them");
        }
    }

    /**
     * A watched build that swaps a whole new site in hands the watch of the new folder on: the next build is told
     * what was touched, rather than looking at each file.
     */
    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
    void aWatchedSiteSwappedInIsWatchedAtOnce() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(clippings.cache.FolderWatch.local(dir), "a local file system");
        Path site = dir.resolve("site");
        firstSite(site, List.of("a.html"));
        try (SiteOutput out = SiteOutput.begin(site, java.util.Map.of(), true)) {
            for (String p : List.of("a.html", "b/c.html")) out.write(OutputFile.pendingUtf8(p, p, () -> "made"));
            out.commit();
        }
        Files.writeString(site.resolve("b/c.html"), "edited by hand");
        var changes = clippings.cache.FolderWatch.changesTo(site);
        assertTrue(changes.isPresent(), "watched from before the swap");
        assertEquals(java.util.Set.of("b/c.html"), changes.get().paths());
    }

    /**
     * A watched rebuild that drops files, empties a folder and adds files in new folders leaves exactly the new
     * site, whether the last record comes sorted (as the cache hands it on) or not.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "last record sorted: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
    void aWatchedRebuildRemovesWhatTheNewSiteDrops(boolean sorted) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(clippings.cache.FolderWatch.local(dir), "a local file system");
        Path site = dir.resolve("site");
        List<String> first = List.of("a.html", "b/c.html", "b/d.html", "e/f/g.html", "e/h.html", "e0.html");
        java.util.Map<String, clippings.cache.SiteFileRecord> record = firstSite(site, first);
        List<List<String>> builds = List.of(first, // starts the watch
                List.of("a.html", "b/c.html", "e/h.html", "e0.html", "n/o/p.html"),
                List.of("a.html", "b/c.html", "e/h.html", "e0.html", "n/o/p.html"),
                List.of("a.html", "e0.html", "n/q.html", "e/f/r.html"),
                List.of("a.html", "e0.html", "n/q.html", "e/f/r.html", "e/s.html"));
        for (List<String> paths : builds) {
            try (SiteOutput out = SiteOutput.begin(site, record, true)) {
                for (String p : paths) out.write(OutputFile.pendingUtf8(p, p, () -> "made"));
                out.commit();
                record = sorted ? new java.util.TreeMap<>(out.record()) : out.record();
            }
            List<String> onDisk;
            try (var files = Files.walk(site)) {
                onDisk = files.filter(Files::isRegularFile).map(f -> site.relativize(f).toString().replace('\\', '/'))
                        .sorted().toList();
            }
            assertEquals(paths.stream().sorted().toList(), onDisk);
            try (var folders = Files.walk(site)) {
                assertTrue(folders.filter(Files::isDirectory).allMatch(f -> f.toFile().list().length > 0),
                        "no empty folder is left: " + paths);
            }
        }
    }

    /** The files a watch touched are found by range in the sorted record, as the watch itself would name them. */
    @Test
    void touchedFilesAreThoseTheWatchNames() {
        java.util.TreeMap<String, Integer> record = new java.util.TreeMap<>();
        for (String p : List.of("a.html", "b/c.html", "b/d/e.html", "b/d/f/g.html", "b/d0.html", "b/dd.html", "b0.html",
                "bc.html", "tags/x.html")) {
            record.put(p, 0);
        }
        var changes = new clippings.cache.FolderWatch.Changes(java.util.Set.of("b/d", "a.html", "zz.html", "tags/x"));
        var touched = SiteOutput.touchedFiles(changes, record,
                clippings.cache.SortedLike.ranges(record).orElseThrow());
        assertEquals(java.util.Set.of("a.html", "b/d/e.html", "b/d/f/g.html"), touched);
        assertEquals(record.keySet().stream().filter(changes::touches).collect(java.util.stream.Collectors.toSet()),
                touched);
    }

    /** Writes a first site of the paths, unwatched, and returns its record. */
    private static java.util.Map<String, clippings.cache.SiteFileRecord> firstSite(Path site, List<String> paths) {
        try (SiteOutput out = SiteOutput.begin(site)) {
            for (String p : paths) out.write(OutputFile.pendingUtf8(p, p, () -> "made"));
            out.commit();
            return out.record();
        }
    }

    private static long inode(Path p) throws IOException {
        return ((Number) Files.getAttribute(p, "unix:ino")).longValue();
    }

    private static List<String> names(Path p) throws IOException {
        try (var s = Files.list(p)) {
            return s.map(x -> x.getFileName().toString()).sorted().toList();
        }
    }
}
