package clippings.cli;

import clippings.daemon.DaemonClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code clippings daemon}: tells whether a build daemon serves this folder, or stops it. */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = {"Shows the build daemon serving this folder (started by build --daemon), once it has written "
                + "the last build's cache, or stops it. "
                + "A daemon also stops by itself after 15 idle minutes (CLIPPINGS_DAEMON_IDLE, in seconds)."})
final class DaemonCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--stop", description = "Stop the daemon, after the command it runs and its cache writing.")
    boolean stop;

    @Override
    public Integer call() {
        Path project = Path.of("").toAbsolutePath();
        // The daemon's answer is UTF-8 bytes, relayed as they come, like a build's output.
        boolean served = new DaemonClient(project, "", System.out, System.err).ask(stop ? "stop" : "status");
        if (!served) spec.commandLine().getOut().println("no build daemon serves " + project);
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
