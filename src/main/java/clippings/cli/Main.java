package clippings.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of {@code clippings.jar}: runs the command line and exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // The daemon first: a build it runs needs neither picocli nor a second JVM here.
        java.util.Optional<Integer> daemon = DaemonLauncher.run(args);
        if (daemon.isPresent()) System.exit(daemon.get());
        java.util.Optional<Integer> tuned = TunedJvm.run(args);
        if (tuned.isPresent()) System.exit(tuned.get());
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(ClippingsCommand.commandLine(out, err).execute(args));
    }
}
