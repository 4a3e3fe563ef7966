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
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of(System.getProperty("clippings.jar", "target/clippings.jar")).toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
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

    @Test
    void versionAndHelp() throws Exception {
        Result v = jar(dir, "--version");
        assertEquals(0, v.code());
        assertTrue(v.output().startsWith("clippings 0."), v.output());
        assertEquals(0, jar(dir, "--help").code());
    }
}
