package clippings.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Runs a command line in the daemon of a folder, starting one when none of this version serves it, and relays
 * its output and exit code. Whatever keeps the daemon from being used (it cannot start, it went away) is said on
 * standard error, and the caller runs the command itself: a daemon only ever makes a build faster.
 */
public final class DaemonClient {
    /** How long a new daemon may take to start listening before the command runs without it. */
    private static final long START_MILLIS = 30_000;

    private final Path project;
    private final String version;
    private final PrintStream stdout;
    private final PrintStream stderr;

    /**
     * @param project the folder the command runs in (the daemon's working directory)
     * @param version the code and JVM options a daemon must run to be used (see {@link DaemonState#version})
     */
    public DaemonClient(Path project, String version, PrintStream stdout, PrintStream stderr) {
        this.project = project;
        this.version = version;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Runs {@code args} in the folder's daemon, started with {@code daemonCommand} when needed; returns the exit
     * code, or empty when the command is to run in this JVM instead.
     */
    public Optional<Integer> build(String[] args, boolean terminal, List<String> daemonCommand) {
        return build(args, terminal, daemonCommand, Optional.empty());
    }

    /**
     * As {@link #build(String[], boolean, List)}, saying on standard error, when this call starts the daemon, that
     * it did (its pid) and {@code startNote}.
     */
    public Optional<Integer> build(String[] args, boolean terminal, List<String> daemonCommand,
                                   Optional<String> startNote) {
        Optional<DaemonState> state = DaemonState.read(project);
        if (state.isPresent() && !state.get().version().equals(version)) {
            // Another version's daemon: it is stopped, and a daemon of this version takes its place.
            request(state.get(), "stop", null, false, OutputStream.nullOutputStream());
            state = Optional.empty();
        }
        if (state.isPresent()) {
            Optional<Integer> code = request(state.get(), "build", args, terminal, stdout);
            if (code.isPresent()) return code;
        }
        Optional<DaemonState> started = start(daemonCommand);
        if (started.isEmpty()) return Optional.empty();
        startNote.ifPresent(note -> stderr.println("clippings: started the build daemon (pid " + started.get().pid()
                + "): " + note));
        return request(started.get(), "build", args, terminal, stdout);
    }

    /** Asks the folder's daemon for its status or to stop; false when no daemon serves the folder. */
    public boolean ask(String kind) {
        Optional<DaemonState> state = DaemonState.read(project);
        return state.isPresent() && request(state.get(), kind, null, false, stdout).isPresent();
    }

    /**
     * Sends one request; empty when the daemon could not be reached before the command began (the command then
     * runs here). A daemon lost during the command gives exit code 1 and says so: the command may have done part
     * of its work, which the next build takes up.
     */
    private Optional<Integer> request(DaemonState state, String kind, String[] args, boolean terminal, OutputStream out) {
        Socket socket = new Socket();
        try (socket) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), state.port()), 2_000);
            DataOutputStream request = new DataOutputStream(socket.getOutputStream());
            request.writeUTF(state.token());
            request.writeUTF(kind);
            if (args != null) {
                request.writeBoolean(terminal);
                request.writeInt(args.length);
                for (String a : args) request.writeUTF(a);
            }
            request.flush();
            DataInputStream reply = new DataInputStream(socket.getInputStream());
            try {
                return Optional.of(Frames.relay(reply, out, stderr));
            } catch (Frames.Unanswered e) {
                forget(state);
                return Optional.empty();
            } catch (EOFException e) {
                if (!kind.equals("build")) return Optional.empty();
                stderr.println("clippings: the build daemon (pid " + state.pid() + ") stopped during the command; see "
                        + DaemonState.log(project));
                return Optional.of(1);
            }
        } catch (IOException e) {
            // Nothing listens (a daemon that died or was killed): its state is stale.
            forget(state);
            return Optional.empty();
        }
    }

    private void forget(DaemonState stale) {
        if (DaemonState.read(project).filter(s -> s.equals(stale)).isEmpty()) return;
        try {
            Files.deleteIfExists(DaemonState.file(project));
        } catch (IOException e) {
            // Found stale again next time.
        }
    }

    /** Starts a daemon for the folder and waits until it listens; empty (and said why) when it does not. */
    private Optional<DaemonState> start(List<String> command) {
        Path log = DaemonState.log(project);
        Process p;
        try {
            Files.createDirectories(log.getParent());
            p = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            p.getOutputStream().close();
        } catch (IOException e) {
            stderr.println("clippings: cannot start the build daemon (" + e.getMessage() + "); building here");
            return Optional.empty();
        }
        long deadline = System.nanoTime() + START_MILLIS * 1_000_000;
        while (System.nanoTime() < deadline) {
            Optional<DaemonState> s = DaemonState.read(project);
            // Another client's daemon may have won the folder: it serves this command as well.
            if (s.isPresent() && s.get().version().equals(version) && (s.get().pid() == p.pid() || !p.isAlive())) {
                return s;
            }
            if (!p.isAlive() && s.isEmpty()) break;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stderr.println("clippings: the build daemon did not start (see " + log + "); building here");
        return Optional.empty();
    }
}
