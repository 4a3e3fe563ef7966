package clippings.cli;

import clippings.cache.CodeVersion;
import clippings.daemon.DaemonClient;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends {@code clippings build} to the folder's build daemon when asked to ({@code --daemon}, or
 * {@code CLIPPINGS_DAEMON=1} without {@code --no-daemon}) or, when neither says, when a person runs it at a terminal
 * outside CI, before this JVM loads anything else (#7). The
 * daemon runs with this JVM's options and those of {@link TunedJvm}; a daemon started with other options or
 * other code is replaced.
 */
final class DaemonLauncher {
    static final String ENV = "CLIPPINGS_DAEMON";
    /** Seconds a daemon waits for the next command before it stops (default {@value #IDLE_SECONDS}). */
    static final String IDLE_ENV = "CLIPPINGS_DAEMON_IDLE";
    static final int IDLE_SECONDS = 900;

    private DaemonLauncher() {
    }

    /**
     * Whether these arguments ask for the daemon: the build command, with the flag or the variable set, or, when
     * neither says, run by a person at a terminal ({@code interactive}) outside CI, in a folder that has the
     * content folder to build ({@code contentFound}), and not only for its help or version. A person rebuilding
     * after each edit is who a warm JVM is for; a script or a CI job builds once, in a process that leaves nothing
     * behind, and a build typed in the wrong folder should not leave a daemon there.
     */
    static boolean wanted(String[] args, Map<String, String> env, boolean interactive, boolean contentFound) {
        if (!TunedJvm.command(args).stream().findFirst().orElse("").equals("build")) return false;
        List<String> all = Arrays.asList(args);
        if (all.contains("--no-daemon") || all.contains("--daemon=false")) return false;
        if (all.contains("--daemon") || all.contains("--daemon=true")) return true;
        String v = env.getOrDefault(ENV, "").trim();
        if (!v.isEmpty()) {
            return v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("on") || v.equalsIgnoreCase("yes");
        }
        String ci = env.getOrDefault("CI", "").trim();
        boolean helpOnly = all.stream().anyMatch(a -> a.equals("-h") || a.equals("--help") || a.equals("-V")
                || a.equals("--version"));
        return interactive && contentFound && !helpOnly
                && (ci.isEmpty() || ci.equals("0") || ci.equalsIgnoreCase("false"));
    }

    /** Runs the command in the daemon; empty when it is to run here. */
    static Optional<Integer> run(String[] args) {
        if (!wanted(args, System.getenv(), Terminal.interactive(),
                Files.isDirectory(TunedJvm.contentFolder(args)))) {
            return Optional.empty();
        }
        List<String> ours = ManagementFactory.getRuntimeMXBean().getInputArguments();
        List<String> options = jvmOptions(ours, TunedJvm.options(args, ours, System.getenv(), false,
                TunedJvm::countFiles));
        String version = CodeVersion.current() + " " + System.getProperty("java.home") + " " + options;
        int idle = idleSeconds(System.getenv(IDLE_ENV));
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), DaemonMain.class.getName(),
                Integer.toString(idle), version));
        Path project = Path.of("").toAbsolutePath();
        List<String> all = Arrays.asList(args);
        boolean quiet = all.contains("-q") || all.contains("--quiet");
        // Said once, when it starts: a process that outlives the command should not go unnoticed.
        Optional<String> startNote = quiet ? Optional.empty() : Optional.of(
                "a JVM kept warm for the next builds of this folder; it stops after " + idleText(idle)
                        + " idle, or with clippings daemon --stop"
                        + " (--no-daemon or CLIPPINGS_DAEMON=0 builds without it)");
        return new DaemonClient(project, version, System.out, System.err)
                .build(args, Terminal.interactive(), command, startNote);
    }

    /**
     * The daemon's JVM options: this JVM's, less agents and recordings (a debugger's port cannot be taken
     * twice), then those a build's second JVM would get ({@link TunedJvm}: the C1 compiler and the serial
     * collector, which also won in a warm daemon on two cores, unless the archive is large or the person chose).
     */
    static List<String> jvmOptions(List<String> ours, Optional<List<String>> tuned) {
        List<String> options = new ArrayList<>();
        for (String a : ours) {
            if (a.startsWith("-agentlib:") || a.startsWith("-agentpath:") || a.startsWith("-javaagent:")
                    || a.startsWith("-XX:StartFlightRecording") || a.startsWith("-Xrunjdwp")) {
                continue;
            }
            options.add(a);
        }
        tuned.ifPresent(options::addAll);
        // The daemon builds again and again, as serve does.
        if (tuned.equals(Optional.of(TunedJvm.DEFAULT_OPTIONS))) {
            options.addAll(TunedJvm.longRunHeap(ours, TunedJvm.physicalMemory()));
        }
        return options;
    }

    /** {@code 15 minutes}, {@code 1 minute}, {@code 90 seconds}. */
    static String idleText(int seconds) {
        if (seconds % 60 != 0) return seconds + (seconds == 1 ? " second" : " seconds");
        int minutes = seconds / 60;
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }

    static int idleSeconds(String value) {
        try {
            return value == null ? IDLE_SECONDS : Math.max(1, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return IDLE_SECONDS;
        }
    }
}
