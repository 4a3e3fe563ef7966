package clippings.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the packaged jar as the README tells users to, with its default folders. */
class CliIT {
    @TempDir
    Path dir;

    private record Result(int code, String output) {
    }

    private Result jar(Path cwd, String... args) throws IOException, InterruptedException {
        return jar(cwd, java.util.Map.of(), args);
    }

    private Result jar(Path cwd, java.util.Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of(System.getProperty("clippings.jar", "target/clippings.jar")).toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out");
        return new Result(p.exitValue(), output);
    }

    @Test
    void buildsContentIntoSiteWithTheThemeInsideTheJar() throws Exception {
        Files.createDirectories(dir.resolve("content"));
        Files.copy(Path.of("content/000_259fb651ae3d4348.txt"), dir.resolve("content/000_259fb651ae3d4348.txt"));
        Result r = jar(dir, "build");
        assertEquals(0, r.code(), r.output());
        assertTrue(Files.isRegularFile(dir.resolve("site/index.html")));
        assertTrue(Files.isRegularFile(dir.resolve("site/assets/style.css")), "theme assets come from the jar");
        assertTrue(Files.isRegularFile(dir.resolve(".clippings/report.json")));
    }

    /** The tuned JVM's class archive: written by the first build, used by the next, and never heard of. */
    @Test
    void theFirstBuildWritesAClassArchiveTheNextOneUses() throws Exception {
        Files.createDirectories(dir.resolve("content"));
        Files.copy(Path.of("content/000_259fb651ae3d4348.txt"), dir.resolve("content/000_259fb651ae3d4348.txt"));
        var env = java.util.Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString());
        Result first = jar(dir, env, "build");
        assertEquals(0, first.code(), first.output());
        List<Path> archives;
        try (var files = Files.list(dir.resolve("cache/clippings"))) {
            archives = files.toList();
        }
        assertEquals(1, archives.size(), archives.toString());
        assertTrue(archives.get(0).getFileName().toString().matches("classes-[0-9a-f]{16}\\.jsa"), archives.toString());
        assertTrue(Files.size(archives.get(0)) > 1_000_000, "the build's classes");
        Result second = jar(dir, env, "build");
        assertEquals(0, second.code(), second.output());
        for (Result r : List.of(first, second)) {
            assertTrue(r.output().lines().noneMatch(l -> l.startsWith("[") || l.contains("cds")), r.output());
        }
        assertTrue(Files.isRegularFile(dir.resolve("site/index.html")));
    }

    /** A benchmark run with the jar alone, outside a project, measures the theme inside the jar. */
    @Test
    void aBenchmarkOutsideAProjectBuildsWithTheThemeInsideTheJar() throws Exception {
        Result r = jar(dir, "bench", "build", "--articles", "8", "--cold-only", "--workdir", "work");
        assertEquals(0, r.code(), r.output());
        assertTrue(r.output().lines().anyMatch(l -> l.startsWith("cold build")), r.output());
        assertTrue(Files.isRegularFile(dir.resolve("work/templates/article.html")), "the theme copied from the jar");
        assertTrue(Files.isRegularFile(dir.resolve("work/site/assets/style.css")), r.output());
        Result missing = jar(dir, "bench", "serve", "--templates", "nowhere");
        assertEquals(2, missing.code(), missing.output());
        assertTrue(missing.output().contains("templates folder not found: nowhere"), missing.output());
    }

    @Test
    void versionAndHelp() throws Exception {
        Result v = jar(dir, "--version");
        assertEquals(0, v.code());
        assertTrue(v.output().startsWith("clippings 0."), v.output());
        assertEquals(0, jar(dir, "--help").code());
    }
}
