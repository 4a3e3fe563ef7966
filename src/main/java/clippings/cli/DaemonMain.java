package clippings.cli;

import clippings.daemon.DaemonServer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The build daemon's entry point, started by {@link DaemonLauncher} in the folder it serves with its idle
 * seconds and version. Signals from the terminal it was started from are ignored: Ctrl-C on one build stops
 * that build's client, not the daemon that outlives it ({@code clippings daemon --stop} stops it).
 */
final class DaemonMain {
    private DaemonMain() {
    }

    public static void main(String[] args) throws IOException {
        ignore("INT");
        ignore("HUP");
        // The daemon is for building the same folder again: what a build can keep for the next one, it keeps.
        clippings.cache.ProcessMemory.keep();
        DaemonServer.Command command = (a, out, err) -> ClippingsCommand.commandLine(out, err).execute(a);
        new DaemonServer(Path.of("").toAbsolutePath(), command, args[1], Duration.ofSeconds(Long.parseLong(args[0])),
                System.out).serve();
        System.out.flush();
        System.exit(0);
    }

    private static void ignore(String signal) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(signal), sun.misc.SignalHandler.SIG_IGN);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // No such signal here (Windows has no HUP).
        }
    }
}
