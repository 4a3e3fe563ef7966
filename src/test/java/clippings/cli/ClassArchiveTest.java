package clippings.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassArchiveTest {
    @TempDir
    Path tmp;

    private ClassArchive archive(Path jar, List<String> options, long pid) {
        return ClassArchive.of(Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString()), "/nowhere", jar.toString(),
                options, pid).orElseThrow();
    }

    private static Path writtenTo(List<String> options) {
        String dump = options.stream().filter(o -> o.startsWith("-XX:ArchiveClassesAtExit=")).findFirst().orElseThrow();
        return Path.of(dump.substring(dump.indexOf('=') + 1));
    }

    @Test
    void theFirstBuildWritesTheArchiveAndLaterCommandsUseIt() throws Exception {
        Path jar = Files.writeString(tmp.resolve("clippings.jar"), "a jar");
        ClassArchive first = archive(jar, List.of("-XX:+UseSerialGC"), 1);
        assertEquals(tmp.resolve("cache/clippings"), first.file().getParent(), "in the user's cache folder");
        assertEquals(List.of(), first.options(false), "only a build writes it");
        List<String> writing = first.options(true);
        assertTrue(writing.containsAll(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off")), "the JVM says nothing");
        Path temporary = writtenTo(writing);
        assertNotEquals(first.file(), temporary, "a JVM killed while writing leaves no half archive under the name");

        Files.writeString(temporary, "classes");
        first.finish(0);
        assertEquals("classes", Files.readString(first.file()));
        assertFalse(Files.exists(temporary));
        ClassArchive next = archive(jar, List.of("-XX:+UseSerialGC"), 2);
        assertEquals(first.file(), next.file(), "the same jar, JVM and options: the same archive");
        assertTrue(next.options(false).contains("-XX:SharedArchiveFile=" + first.file()),
                next.options(false).toString());
        assertTrue(next.options(true).contains("-XX:SharedArchiveFile=" + first.file()), "written once");
    }

    @Test
    void aKilledRunLeavesNoArchiveButOneWithFailedInputsDoes() throws Exception {
        Path jar = Files.writeString(tmp.resolve("clippings.jar"), "a jar");
        ClassArchive a = archive(jar, List.of(), 1);
        Path temporary = writtenTo(a.options(true));
        Files.writeString(temporary, "classes of a killed run");
        a.finish(137);
        assertFalse(Files.exists(temporary));
        assertFalse(Files.exists(a.file()));
        a.finish(0); // nothing written: nothing to do
        assertFalse(Files.exists(a.file()));

        Files.writeString(writtenTo(a.options(true)), "classes of a build where an input failed");
        a.finish(ExitCode.INPUT_ERRORS);
        assertTrue(Files.exists(a.file()));
    }

    @Test
    void eachJarGetsAnArchiveOfItsOwnAndTheLastUsedAreKept() throws Exception {
        Path jar = Files.writeString(tmp.resolve("clippings.jar"), "a jar");
        List<ClassArchive> made = new java.util.ArrayList<>();
        for (int version = 0; version <= ClassArchive.KEPT; version++) {
            // Another size, so another key even within the file system's clock tick.
            Files.writeString(jar, "jar version " + "x".repeat(version));
            ClassArchive a = archive(jar, List.of(), version);
            Files.writeString(writtenTo(a.options(true)), "classes of version " + version);
            a.finish(0);
            made.add(a);
            Files.setLastModifiedTime(a.file(), FileTime.from(Instant.now().minus(Duration.ofMinutes(10 - version))));
        }
        assertEquals(ClassArchive.KEPT + 1, made.stream().map(ClassArchive::file).distinct().count(), "one per jar");
        assertFalse(Files.exists(made.get(0).file()), "the one used longest ago is gone");
        for (ClassArchive a : made.subList(1, made.size())) assertTrue(Files.exists(a.file()), a.file().toString());

        // Using an archive keeps it: version 1, now the oldest, is used, and the next new one removes version 2.
        made.get(1).finish(0);
        Files.writeString(jar, "yet another jar, longer than any before");
        ClassArchive fresh = archive(jar, List.of(), 9);
        assertNotEquals(made.get(1).file(), archive(jar, List.of("-Xmx1g"), 9).file(),
                "other options, another archive");
        Files.writeString(writtenTo(fresh.options(true)), "new classes");
        Path killed = fresh.file().resolveSibling(".classes-0123.99.tmp");
        Files.writeString(killed, "left by a killed JVM");
        Files.setLastModifiedTime(killed, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path writing = fresh.file().resolveSibling(".classes-4567.98.tmp");
        Files.writeString(writing, "another JVM writing now");
        fresh.finish(0);
        assertTrue(Files.exists(fresh.file()));
        assertTrue(Files.exists(made.get(1).file()), "used a moment ago");
        assertFalse(Files.exists(made.get(2).file()), "used longest ago");
        assertFalse(Files.exists(killed));
        assertTrue(Files.exists(writing));
    }

    @Test
    void optionsAboutArchivesAreThePersonsChoice() {
        assertEquals(Optional.empty(), ClassArchive.of(Map.of(), tmp.toString(), "x.jar", List.of("-Xshare:off"), 1));
        assertEquals(Optional.empty(), ClassArchive.of(Map.of(), tmp.toString(), "x.jar",
                List.of("-XX:SharedArchiveFile=mine.jsa"), 1));
        assertEquals(tmp.resolve(".cache/clippings"),
                ClassArchive.of(Map.of(), tmp.toString(), "x.jar", List.of(), 1).orElseThrow().file().getParent(),
                "without XDG_CACHE_HOME, in ~/.cache");
        assertEquals(tmp.resolve(".cache/clippings"), ClassArchive.of(Map.of("XDG_CACHE_HOME", "relative"),
                tmp.toString(), "x.jar", List.of(), 1).orElseThrow().file().getParent(), "a relative one is ignored");
        assertEquals(Optional.empty(), ClassArchive.of(Map.of(), "?", "x.jar", List.of(), 1), "no home, no archive");
    }
}
