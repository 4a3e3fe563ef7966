package clippings.cli;

import clippings.daemon.DaemonState;
import clippings.testing.Fixtures;
import clippings.testing.SiteFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code build --daemon} with the packaged jar: builds in a daemon are the builds a clean run makes (#7). */
class DaemonIT {
    @TempDir
    Path project;

    /** What one run of the jar printed and returned. */
    private record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void copySampleArchive() throws IOException {
        Path from = Fixtures.repo().resolve("content");
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(project.resolve("content"));
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, project.resolve("content").resolve(f.getFileName().toString()));
            }
        }
    }

    @AfterEach
    void stopDaemon() throws Exception {
        Optional<DaemonState> state = DaemonState.read(project);
        clippings("daemon", "--stop");
        state.flatMap(s -> ProcessHandle.of(s.pid())).ifPresent(p -> {
            p.onExit().orTimeout(20, TimeUnit.SECONDS).join();
        });
    }

    private Run clippings(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of(System.getProperty("clippings.jar", "target/clippings.jar")).toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(project.toFile())
                .redirectOutput(project.resolve("out.txt").toFile()).redirectError(project.resolve("err.txt").toFile());
        // A daemon a failed test leaves behind stops soon by itself.
        pb.environment().put("CLIPPINGS_DAEMON_IDLE", "120");
        pb.environment().remove("CLIPPINGS_DAEMON");
        Process p = pb.start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the command ended");
        return new Run(p.exitValue(), Files.readString(project.resolve("out.txt")), Files.readString(project.resolve("err.txt")));
    }

    @Test
    void buildsInTheDaemonAreTheBuildsACleanRunMakes() throws Exception {
        Run first = clippings("build", "--daemon");
        assertEquals(0, first.exit(), first.err());
        DaemonState state = DaemonState.read(project).orElseThrow();
        assertTrue(ProcessHandle.of(state.pid()).map(ProcessHandle::isAlive).orElse(false), "the daemon lives on");
        assertTrue(first.err().contains("clippings: started the build daemon (pid " + state.pid() + ")")
                && first.err().contains("it stops after 2 minutes idle"), "said once, when it starts: " + first.err());

        Run again = clippings("build", "--daemon");
        assertEquals(0, again.exit(), again.err());
        assertFalse(again.err().contains("started"), again.err());
        assertTrue(again.out().contains("unchanged, from the cache"), again.out());
        assertEquals(Optional.of(state), DaemonState.read(project), "the same daemon ran it");

        Path edited;
        try (Stream<Path> files = Files.list(project.resolve("content"))) {
            edited = files.filter(f -> f.toString().endsWith(".txt")).sorted().findFirst().orElseThrow();
        }
        Files.writeString(edited, Files.readString(edited, StandardCharsets.UTF_8)
                + "\n\nA paragraph added about the harbour council.\n", StandardCharsets.UTF_8);
        Run third = clippings("build", "--daemon");
        assertEquals(0, third.exit(), third.err());

        // Not at a terminal, and not asked to: a build of its own, which the daemon does not count.
        Run clean = clippings("build", "--no-cache", "--out", "clean", "--report", "clean-report.json");
        assertEquals(0, clean.exit(), clean.err());
        assertEquals(SiteFiles.digests(project.resolve("clean")), SiteFiles.digests(project.resolve("site")));

        Run status = clippings("daemon");
        assertTrue(status.out().contains("pid " + state.pid()) && status.out().contains("3 command(s) run"),
                status.out());
        Run stop = clippings("daemon", "--stop");
        assertTrue(stop.out().contains("stopped the build daemon"), stop.out());
        assertTrue(ProcessHandle.of(state.pid()).map(p -> p.onExit().orTimeout(20, TimeUnit.SECONDS).join())
                .map(p -> !p.isAlive()).orElse(true), "the daemon stopped");
        assertFalse(Files.exists(DaemonState.file(project)));
        assertTrue(clippings("daemon").out().contains("no build daemon serves"));
    }

    @Test
    void aDaemonsErrorsAndExitCodesReachTheClient() throws Exception {
        Run missing = clippings("build", "--daemon", "--content", "nowhere");

        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("content folder not found: nowhere"), missing.err());
        assertTrue(DaemonState.read(project).isPresent(), "the daemon ran the command");
    }
}
