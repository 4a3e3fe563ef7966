package clippings.cli;

import clippings.daemon.DaemonClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
        var out = spec.commandLine().getOut();
        PrintStream relay = new PrintStream(new WriterStream(out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new WriterStream(spec.commandLine().getErr()), true, StandardCharsets.UTF_8);
        Path project = Path.of("").toAbsolutePath();
        boolean served = new DaemonClient(project, "", relay, err).ask(stop ? "stop" : "status");
        relay.flush();
        if (!served) out.println("no build daemon serves " + project);
        out.flush();
        return ExitCode.OK;
    }

    /** Bytes relayed from the daemon, written to picocli's writer (which tests capture). */
    private static final class WriterStream extends java.io.OutputStream {
        private final java.io.PrintWriter to;
        private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

        WriterStream(java.io.PrintWriter to) {
            this.to = to;
        }

        @Override
        public void write(int b) {
            pending.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            pending.write(b, off, len);
        }

        @Override
        public void flush() {
            to.write(pending.toString(StandardCharsets.UTF_8));
            to.flush();
            pending.reset();
        }
    }
}
