package clippings.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DaemonLauncherTest {
    private static boolean wanted(Map<String, String> env, String... args) {
        return DaemonLauncher.wanted(args, env, false, true);
    }

    private static boolean atATerminal(Map<String, String> env, String... args) {
        return DaemonLauncher.wanted(args, env, true, true);
    }

    @Test
    void onlyABuildAskedToRunsInTheDaemon() {
        assertTrue(wanted(Map.of(), "build", "--daemon"));
        assertTrue(wanted(Map.of(), "--daemon", "build", "--quiet"));
        assertTrue(wanted(Map.of("CLIPPINGS_DAEMON", "1"), "build"));
        assertTrue(wanted(Map.of("CLIPPINGS_DAEMON", "true"), "build", "--content", "x"));
        assertFalse(wanted(Map.of(), "build"));
        assertFalse(wanted(Map.of("CLIPPINGS_DAEMON", "0"), "build"));
        assertFalse(wanted(Map.of("CLIPPINGS_DAEMON", "1"), "build", "--no-daemon"));
        assertFalse(wanted(Map.of("CLIPPINGS_DAEMON", "1"), "serve"));
        assertFalse(wanted(Map.of(), "extract", "--daemon"));
        assertFalse(wanted(Map.of("CLIPPINGS_DAEMON", "1")));
    }

    /** Unless told, a build run by a person at a terminal uses the daemon; outside CI only. */
    @Test
    void aBuildAtATerminalRunsInTheDaemonUnlessToldOrInCi() {
        assertTrue(atATerminal(Map.of(), "build"));
        assertTrue(atATerminal(Map.of("CI", "false"), "build", "--quiet"));
        assertFalse(atATerminal(Map.of("CI", "true"), "build"), "GitHub Actions and most CI set CI=true");
        assertFalse(atATerminal(Map.of("CI", "1"), "build"));
        assertTrue(atATerminal(Map.of("CI", "true"), "build", "--daemon"), "asked for, it runs even in CI");
        assertTrue(atATerminal(Map.of("CI", "true", "CLIPPINGS_DAEMON", "1"), "build"));
        assertFalse(atATerminal(Map.of(), "build", "--no-daemon"));
        assertFalse(atATerminal(Map.of("CLIPPINGS_DAEMON", "0"), "build"));
        assertFalse(atATerminal(Map.of("CLIPPINGS_DAEMON", "off"), "build"));
        assertFalse(atATerminal(Map.of(), "serve"));
        assertFalse(atATerminal(Map.of(), "extract", "x.html"));
        assertFalse(atATerminal(Map.of()));
        assertFalse(atATerminal(Map.of(), "build", "--help"), "help is not a build");
        assertFalse(atATerminal(Map.of(), "build", "-V"));
        assertFalse(DaemonLauncher.wanted(new String[]{"build"}, Map.of(), true, false),
                "a build typed where there is no content folder leaves no daemon behind");
        assertTrue(DaemonLauncher.wanted(new String[]{"build", "--daemon"}, Map.of(), true, false), "unless asked for");
    }

    @Test
    void theIdleTimeIsSaidInWords() {
        assertEquals("15 minutes", DaemonLauncher.idleText(900));
        assertEquals("1 minute", DaemonLauncher.idleText(60));
        assertEquals("90 seconds", DaemonLauncher.idleText(90));
        assertEquals("1 second", DaemonLauncher.idleText(1));
    }

    @Test
    void theDaemonGetsThisJvmsOptionsButNoAgentAndTheTunedOnes() {
        List<String> options = DaemonLauncher.jvmOptions(List.of("-Xmx2g", "-agentlib:jdwp=transport=dt_socket",
                "-javaagent:x.jar", "-XX:StartFlightRecording=filename=a.jfr", "-Dfoo=bar"),
                Optional.of(TunedJvm.DEFAULT_OPTIONS));
        List<String> expected = new java.util.ArrayList<>(List.of("-Xmx2g", "-Dfoo=bar"));
        expected.addAll(TunedJvm.DEFAULT_OPTIONS);
        assertEquals(expected, options);
        assertEquals(List.of("-Xmx2g"), DaemonLauncher.jvmOptions(List.of("-Xmx2g"), Optional.empty()));
        List<String> builds = new java.util.ArrayList<>(List.of("-Dfoo=bar"));
        builds.addAll(TunedJvm.DEFAULT_OPTIONS);
        builds.addAll(TunedJvm.longRunHeap(List.of("-Dfoo=bar"), TunedJvm.physicalMemory()));
        assertEquals(builds, DaemonLauncher.jvmOptions(List.of("-Dfoo=bar"), Optional.of(TunedJvm.DEFAULT_OPTIONS)),
                "without a heap of the person's, the daemon's heap is one for building again and again");
    }

    @Test
    void idleSecondsFallBackToTheDefault() {
        assertEquals(DaemonLauncher.IDLE_SECONDS, DaemonLauncher.idleSeconds(null));
        assertEquals(DaemonLauncher.IDLE_SECONDS, DaemonLauncher.idleSeconds("soon"));
        assertEquals(60, DaemonLauncher.idleSeconds(" 60 "));
        assertEquals(1, DaemonLauncher.idleSeconds("0"));
    }
}
