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
        return DaemonLauncher.wanted(args, env);
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
