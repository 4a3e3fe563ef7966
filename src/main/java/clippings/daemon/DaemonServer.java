package clippings.daemon;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Serves one folder's commands, one at a time, until it has been idle for a while or is asked to stop. Only one
 * daemon serves a folder: it holds {@code .clippings/daemon.lock} while it lives, and a second one gives up.
 * <p>A command line arrives as the secret token, a request kind ({@code build}, {@code status} or {@code stop}),
 * and for a build whether the client's output is a terminal and the arguments; the reply is {@link Frames}.
 */
public final class DaemonServer {
    /** Runs a command line with the given streams; returns its exit code. */
    public interface Command {
        int run(String[] args, PrintWriter out, PrintWriter err);
    }

    private final Path project;
    private final Command command;
    private final String version;
    private final Duration idle;
    private final PrintStream log;
    private final String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    private final ExecutorService afterReply = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "clippings-daemon-save");
        t.setDaemon(false);
        return t;
    });
    private final Instant started = Instant.now();
    private Future<?> pending = java.util.concurrent.CompletableFuture.completedFuture(null);
    private int commands;

    /**
     * @param project the folder served: the daemon's working directory, against which relative paths resolve
     * @param log     where the daemon notes what went wrong outside a command (its log file)
     */
    public DaemonServer(Path project, Command command, String version, Duration idle, PrintStream log) {
        this.project = project;
        this.command = command;
        this.version = version;
        this.idle = idle;
        this.log = log;
    }

    /** Serves until idle or stopped; returns at once when another daemon serves the folder. */
    public void serve() throws IOException {
        Path lockFile = DaemonState.lock(project);
        Files.createDirectories(lockFile.getParent());
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            // A daemon being replaced (another version's, asked to stop) lets go of the folder a moment after it
            // answered: it is given two seconds.
            FileLock lock = null;
            for (int i = 0; i < 40 && lock == null; i++) {
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) sleep(50);
            }
            if (lock == null) {
                log.println("another daemon serves " + project + "; this one stops");
                return;
            }
            try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                server.setSoTimeout((int) Math.min(Integer.MAX_VALUE, idle.toMillis()));
                DaemonState state = new DaemonState(server.getLocalPort(), token, ProcessHandle.current().pid(), version);
                state.write(project);
                log.println(Instant.now() + " serving " + project + " on port " + server.getLocalPort());
                try {
                    while (true) {
                        Socket client;
                        try {
                            client = server.accept();
                        } catch (SocketTimeoutException e) {
                            log.println(Instant.now() + " idle for " + idle.toSeconds() + " s; stopping");
                            break;
                        }
                        if (!handle(client)) break;
                    }
                } finally {
                    state.removeIfOwn(project);
                    awaitAfterReply();
                    afterReply.shutdown();
                }
            }
        }
    }

    /** Answers one connection; false when the daemon is to stop. */
    private boolean handle(Socket client) {
        try (client) {
            client.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(client.getInputStream());
            if (!in.readUTF().equals(token)) return true;
            String kind = in.readUTF();
            Frames frames = new Frames(client.getOutputStream());
            switch (kind) {
                case "status" -> {
                    // Settled first: a status read after a build says the daemon is done with it.
                    awaitAfterReply();
                    frames.text(Frames.OUT, "build daemon pid " + ProcessHandle.current().pid() + " serves " + project
                            + " since " + started + "; " + commands + " command(s) run\n");
                    frames.exit(0);
                }
                case "stop" -> {
                    awaitAfterReply();
                    frames.text(Frames.OUT, "stopped the build daemon (pid " + ProcessHandle.current().pid() + ")\n");
                    frames.exit(0);
                    return false;
                }
                case "build" -> {
                    boolean terminal = in.readBoolean();
                    String[] args = new String[in.readInt()];
                    for (int i = 0; i < args.length; i++) args[i] = in.readUTF();
                    client.setSoTimeout(0);
                    return run(args, terminal, frames);
                }
                default -> {
                    frames.text(Frames.ERR, "clippings: the daemon does not know the request " + kind + "\n");
                    frames.exit(2);
                }
            }
        } catch (IOException e) {
            log.println(Instant.now() + " a client went away: " + e);
        }
        return true;
    }

    /** Runs one command; false when it failed in a way that leaves the daemon unfit to go on (out of memory). */
    private boolean run(String[] args, boolean terminal, Frames frames) throws IOException {
        awaitAfterReply();
        PrintWriter out = new PrintWriter(frames.writer(Frames.OUT), true);
        PrintWriter err = new PrintWriter(frames.writer(Frames.ERR), true);
        DaemonSession session = new DaemonSession(terminal, work -> pending = afterReply.submit(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                // The site is built; without its cache the next build only does more work.
                log.println(Instant.now() + " work after a reply failed: " + e);
            }
        }));
        int code;
        boolean fit = true;
        try {
            code = session.run(() -> command.run(args, out, err));
        } catch (RuntimeException | Error e) {
            err.println("clippings: internal error in the build daemon: " + e);
            code = 1;
            fit = !(e instanceof Error);
        }
        commands++;
        out.flush();
        err.flush();
        frames.exit(code);
        return fit;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitAfterReply() {
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.println(Instant.now() + " work after a reply failed: " + e.getCause());
        }
    }
}
