package clippings.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

class TunedJvmTest {
    private static Optional<List<String>> options(List<String> args, List<String> jvm, Map<String, String> env) {
        return TunedJvm.options(args.toArray(String[]::new), jvm, env, false, (folder, limit) -> 100);
    }

    @Test
    void aBuildRunsInATunedJvmKeepingThePersonsOwnOptions() {
        assertEquals(Optional.of(TunedJvm.DEFAULT_OPTIONS), options(List.of("build"), List.of("-Xmx2g"), Map.of()));
        assertEquals(Optional.of(List.of("-Xmx1g", "-XX:+UseParallelGC")),
                options(List.of("build"), List.of(), Map.of(TunedJvm.ENV, " -Xmx1g  -XX:+UseParallelGC ")));
    }

    @Test
    void staysInThisJvmWhenThePersonChose() {
        assertEquals(Optional.empty(), options(List.of("daemon", "--stop"), List.of(), Map.of()), "daemon only asks");
        assertEquals(Optional.empty(), options(List.of("build"), List.of("-XX:+UseG1GC"), Map.of()));
        assertEquals(Optional.empty(), options(List.of("build"), List.of("-XX:TieredStopAtLevel=4"), Map.of()));
        assertEquals(Optional.empty(), options(List.of("build"), List.of("-XX:-TieredCompilation"), Map.of()));
        assertEquals(Optional.empty(), options(List.of("build"),
                List.of("-agentlib:jdwp=transport=dt_socket,server=y,address=5005"), Map.of()), "a debugger's port");
        assertEquals(Optional.empty(), options(List.of("build"), List.of(), Map.of(TunedJvm.ENV, "")));
        assertEquals(Optional.empty(), options(List.of(), List.of(), Map.of()));
        assertEquals(Optional.of(TunedJvm.DEFAULT_OPTIONS), options(List.of("bench", "build"), List.of(), Map.of()));
        assertEquals(Optional.of(TunedJvm.DEFAULT_OPTIONS),
                options(List.of("build", "--content", "serve"), List.of(), Map.of()));
        assertEquals(Optional.empty(), TunedJvm.options(new String[]{"build"}, List.of(), Map.of(), true, (f, l) -> 1),
                "the second JVM does not start a third");
    }

    /** serve's rebuilds are short runs too, and bench serve times them as serve makes them. */
    @Test
    void serveRunsInATunedJvmAsABuildDoes() {
        assertEquals(Optional.of(TunedJvm.DEFAULT_OPTIONS), options(List.of("serve"), List.of(), Map.of()));
        assertEquals(Optional.of(TunedJvm.DEFAULT_OPTIONS), options(List.of("--quiet", "serve"), List.of(), Map.of()));
        assertEquals(Optional.of(TunedJvm.DEFAULT_OPTIONS),
                options(List.of("bench", "serve", "--articles", "10"), List.of(), Map.of()));
        assertEquals(Optional.empty(), options(List.of("bench", "serve", "--articles=20001"), List.of(), Map.of()),
                "bench serve of a large archive, as serve of one");
        assertEquals(Optional.empty(), TunedJvm.options(new String[]{"serve", "--content", "big"}, List.of(), Map.of(),
                false, (folder, limit) -> folder.equals(Path.of("big")) ? limit : 10));
        assertEquals(BenchCommand.Serve.DEFAULT_ARTICLES, TunedJvm.benchArticles(new String[]{"bench", "serve"}));
    }

    /** A large archive builds long enough for C2 to pay off: it stays with the JVM's defaults. */
    @Test
    void aLargeArchiveKeepsTheJvmDefaults(@TempDir Path tmp) throws Exception {
        BiFunction<Path, Integer, Integer> large = (folder, limit) -> folder.equals(Path.of("big")) ? limit : 10;
        assertEquals(Optional.empty(), TunedJvm.options(new String[]{"build", "--content", "big"}, List.of(), Map.of(),
                false, large));
        assertEquals(Optional.empty(), TunedJvm.options(new String[]{"tags", "--content=big"}, List.of(), Map.of(),
                false, large));
        assertEquals(Optional.of(TunedJvm.DEFAULT_OPTIONS),
                TunedJvm.options(new String[]{"build", "--content", "small"}, List.of(), Map.of(), false, large));
        assertEquals(Path.of("content"), TunedJvm.contentFolder(new String[]{"build"}));

        Files.createDirectories(tmp.resolve("a/b"));
        for (String f : List.of("1.txt", "2.html", "a/3.md", "a/b/4.txt")) Files.writeString(tmp.resolve(f), "x");
        Files.writeString(tmp.resolve("SOURCES.tsv"), "not an input");
        assertEquals(4, TunedJvm.countFiles(tmp, 100), "inputs in subfolders count, other files do not");
        assertEquals(2, TunedJvm.countFiles(tmp, 2), "counting stops at the limit");
        assertEquals(0, TunedJvm.countFiles(tmp.resolve("missing"), 100));
    }

    /** Huge pages are asked for where Linux gives them on request, and only there (#7). */
    @Test
    void hugePagesAreAskedForOnlyWhereTheSystemGivesThemOnRequest(@TempDir Path dir)
            throws java.io.IOException {
        List<String> base = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        Path setting = dir.resolve("enabled");
        Files.writeString(setting, "always [madvise] never\n");
        assertEquals(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:+UseTransparentHugePages"),
                TunedJvm.defaults(setting));
        Files.writeString(setting, "[always] madvise never\n");
        assertEquals(base, TunedJvm.defaults(setting));
        Files.writeString(setting, "always madvise [never]\n");
        assertEquals(base, TunedJvm.defaults(setting));
        assertEquals(base, TunedJvm.defaults(dir.resolve("missing")));
    }

    /** serve, bench serve and the daemon get a larger heap, on a machine with room and unless a heap was chosen. */
    @Test
    void aProcessThatBuildsAgainGetsALargerHeapUnlessThePersonChoseOne() {
        long gb = 1L << 30;
        assertEquals(TunedJvm.LONG_RUN_HEAP, TunedJvm.longRunHeap(List.of(), 16 * gb));
        assertEquals(TunedJvm.LONG_RUN_HEAP, TunedJvm.longRunHeap(List.of("-Dfoo=bar", "-Xss4m"), 8 * gb));
        assertEquals(List.of(), TunedJvm.longRunHeap(List.of(), 4 * gb), "a small machine");
        assertEquals(List.of(), TunedJvm.longRunHeap(List.of(), 0), "memory unknown");
        for (String chosen : List.of("-Xmx2g", "-Xms512m", "-Xmn100m", "-XX:MaxHeapSize=1g", "-XX:NewSize=64m",
                "-XX:MaxRAMPercentage=50", "-XX:NewRatio=3", "-XX:InitialHeapSize=1g")) {
            assertEquals(List.of(), TunedJvm.longRunHeap(List.of(chosen), 16 * gb), chosen);
        }
        assertTrue(TunedJvm.buildsAgain(new String[]{"serve"}));
        assertTrue(TunedJvm.buildsAgain(new String[]{"--quiet", "serve", "--port", "8000"}));
        assertTrue(TunedJvm.buildsAgain(new String[]{"bench", "serve", "--articles", "10"}));
        assertFalse(TunedJvm.buildsAgain(new String[]{"build"}));
        assertFalse(TunedJvm.buildsAgain(new String[]{"bench", "build"}));
        assertFalse(TunedJvm.buildsAgain(new String[]{}));
    }
}
