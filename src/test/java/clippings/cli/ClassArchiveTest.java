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
        assertTrue(next.options(false).contains("-XX:SharedArchiveFile=" + first.file()), next.options(false).toString());
        assertTrue(next.options(true).contains("-XX:SharedArchiveFile=" + first.file()), "written once");
    }

    @Test
    void aFailedRunLeavesNoArchive() throws Exception {
        Path jar = Files.writeString(tmp.resolve("clippings.jar"), "a jar");
        ClassArchive a = archive(jar, List.of(), 1);
        Path temporary = writtenTo(a.options(true));
        Files.writeString(temporary, "classes of a failed run");
        a.finish(1);
        assertFalse(Files.exists(temporary));
        assertFalse(Files.exists(a.file()));
        a.finish(0); // nothing written: nothing to do
        assertFalse(Files.exists(a.file()));
    }

    @Test
    void aNewJarGetsAnArchiveOfItsOwnWhichReplacesTheOld() throws Exception {
        Path jar = Files.writeString(tmp.resolve("clippings.jar"), "a jar");
        ClassArchive old = archive(jar, List.of(), 1);
        Files.writeString(writtenTo(old.options(true)), "old classes");
        old.finish(0);
        Path killed = old.file().resolveSibling(".classes-0123.99.tmp");
        Files.writeString(killed, "left by a killed JVM");
        Files.setLastModifiedTime(killed, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path recent = old.file().resolveSibling(".classes-4567.98.tmp");
        Files.writeString(recent, "another JVM writing now");

        Files.writeString(jar, "a new jar, of another size");
        ClassArchive fresh = archive(jar, List.of(), 2);
        assertNotEquals(old.file(), fresh.file());
        assertNotEquals(old.file(), archive(jar, List.of("-Xmx1g"), 2).file(), "other options, another archive");
        Files.writeString(writtenTo(fresh.options(true)), "new classes");
        fresh.finish(0);
        assertTrue(Files.exists(fresh.file()));
        assertFalse(Files.exists(old.file()));
        assertFalse(Files.exists(killed));
        assertTrue(Files.exists(recent));
    }

    @Test
    void optionsAboutArchivesAreThePersonsChoice() {
        assertEquals(Optional.empty(), ClassArchive.of(Map.of(), tmp.toString(), "x.jar", List.of("-Xshare:off"), 1));
        assertEquals(Optional.empty(), ClassArchive.of(Map.of(), tmp.toString(), "x.jar",
                List.of("-XX:SharedArchiveFile=mine.jsa"), 1));
        assertEquals(tmp.resolve(".cache/clippings"),
                ClassArchive.of(Map.of(), tmp.toString(), "x.jar", List.of(), 1).orElseThrow().file().getParent(),
                "without XDG_CACHE_HOME, in ~/.cache");
    }
}
