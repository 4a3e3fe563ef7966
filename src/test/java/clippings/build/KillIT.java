package clippings.build;

import clippings.testing.Fixtures;
import clippings.testing.SiteFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills build processes at random moments (several seeds) and checks that the previous site is left exactly as
 * it was, or the new one is complete, and that the next build cleans up after them (#8).
 */
class KillIT {
    private static final String[] WORDS = ("council budget road library school river bridge election court protest "
            + "minister hospital market harbour festival museum railway village mayor report").split(" ");

    @TempDir
    Path tmp;

    private Process start(Path content, Path out) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of(System.getProperty("clippings.jar", "target/clippings.jar")).toAbsolutePath().toString(),
                "build", "--content", content.toString(), "--out", out.toString(),
                "--templates", Fixtures.repo().resolve("templates").toString(),
                "--report", tmp.resolve("report.json").toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("build.log").toFile()).start();
    }

    private long build(Path content, Path out) throws Exception {
        long t = System.nanoTime();
        Process p = start(content, out);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("build.log")));
        return (System.nanoTime() - t) / 1_000_000;
    }

    private static void writeArticles(Path content, int count, long seed) throws IOException {
        Files.createDirectories(content);
        Random r = new Random(seed);
        for (int i = 0; i < count; i++) {
            StringBuilder sb = new StringBuilder("Story " + i + " about the " + WORDS[r.nextInt(WORDS.length)] + "\n\n");
            for (int p = 0; p < 4; p++) {
                for (int w = 0; w < 60; w++) sb.append(WORDS[r.nextInt(WORDS.length)]).append(w % 12 == 11 ? ". " : " ");
                sb.append("\n\n");
            }
            Files.writeString(content.resolve(String.format("story-%04d.txt", i)), sb);
        }
    }

    /** Kills the build's JVM (the launcher's second one) and the launcher, and waits until both are gone. */
    private static void killTree(Process p) throws Exception {
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        tree.forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(60, TimeUnit.SECONDS);
        for (ProcessHandle h : tree) h.onExit().get(60, TimeUnit.SECONDS);
    }

    /** The build runs in a second, tuned JVM (#7); killing the first one outright stops it too. */
    @Test
    void killingTheLauncherStopsTheBuild() throws Exception {
        Path content = tmp.resolve("content");
        writeArticles(content, 150, 3);
        Process p = start(content, tmp.resolve("site"));
        // The child starts as jspawnhelper and only then becomes the JVM: wait until it carries the JVM's arguments.
        List<ProcessHandle> children = List.of();
        for (int i = 0; i < 200 && !(children.size() == 1 && isSecondJvm(children.get(0))); i++) {
            Thread.sleep(50);
            children = p.descendants().toList();
        }
        assertEquals(1, children.size(), "the build runs in one second JVM");
        assertTrue(isSecondJvm(children.get(0)) || children.get(0).info().arguments().isEmpty(),
                "the second JVM started: " + children.get(0).info());
        assertTrue(children.get(0).info().arguments().map(a -> List.of(a).contains("-XX:TieredStopAtLevel=1"))
                .orElse(true), "the second JVM is tuned: " + children.get(0).info());
        p.destroyForcibly();
        p.waitFor(60, TimeUnit.SECONDS);
        children.get(0).onExit().get(5, TimeUnit.SECONDS);
        assertTrue(!children.get(0).isAlive());
    }

    /**
     * True once the child's command line is the launcher's. While jspawnhelper execs the JVM the command line can
     * read as empty for a moment, so an unreadable one (a system may hide it for good) is waited out first.
     */
    private static boolean isSecondJvm(ProcessHandle child) {
        return child.info().arguments()
                .map(a -> List.of(a).stream().anyMatch(arg -> arg.startsWith("-Dclippings.parent=")))
                .orElse(false);
    }

    @Test
    void aKilledBuildNeverDamagesThePreviousSite() throws Exception {
        Path content = tmp.resolve("content");
        Path site = tmp.resolve("site");
        writeArticles(content, 150, 1);
        long normal = build(content, site);
        Map<String, String> before = SiteFiles.digests(site);

        writeArticles(content, 160, 2); // a different archive: a finished build would change the site
        List<String> outcomes = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            Process p = start(content, site);
            Thread.sleep(200 + new Random(seed).nextInt((int) Math.max(1, normal)));
            killTree(p); // SIGKILL: no shutdown hook, no cleanup

            Map<String, String> now = SiteFiles.digests(site);
            if (now.equals(before)) {
                outcomes.add("previous");
            } else {
                // Killed after the swap: then the new site must be complete, which a clean build confirms.
                Path reference = tmp.resolve("reference");
                build(content, reference);
                assertEquals(SiteFiles.digests(reference), now, "seed " + seed + ": a half-written site");
                outcomes.add("new");
                before = now;
            }
        }
        build(content, site);
        try (var s = Files.list(tmp)) {
            List<String> leftovers = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".site.")).toList();
            assertEquals(List.of(), leftovers, "the next build cleans leftovers");
        }
        assertTrue(outcomes.contains("previous"), "no kill landed before the swap: " + outcomes);
    }
}
