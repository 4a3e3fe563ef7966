package clippings.daemon;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The daemon's protocol, run in this JVM: a command's output, exit code and session reach the client (#7). */
class DaemonServerTest {
    /** A command that cannot start, so a client that would start a daemon builds by itself instead. */
    private static final List<String> NO_DAEMON = List.of("/nonexistent/java");

    @TempDir
    Path project;

    private final List<Thread> servers = new ArrayList<>();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @AfterEach
    void stopServers() throws InterruptedException {
        client("").ask("stop");
        for (Thread t : servers) t.join(10_000);
    }

    private DaemonClient client(String version) {
        return new DaemonClient(project, version, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    /** Starts a daemon on a thread and waits until it listens. */
    private Thread serve(DaemonServer.Command command, String version, Duration idle) throws Exception {
        DaemonServer server = new DaemonServer(project, command, version, idle,
                new PrintStream(log, true, StandardCharsets.UTF_8));
        Thread t = new Thread(() -> {
            try {
                server.serve();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
        servers.add(t);
        for (int i = 0; i < 500 && DaemonState.read(project).filter(s -> s.version().equals(version)).isEmpty(); i++) {
            Thread.sleep(10);
        }
        assertTrue(DaemonState.read(project).isPresent(), "the daemon wrote where it listens");
        return t;
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCommandsOutputAndExitCodeReachTheClient() throws Exception {
        serve((args, out, err) -> {
            out.println("args " + String.join(",", args) + " é");
            err.println("a warning");
            return 3;
        }, "v1", Duration.ofMinutes(1));

        Optional<Integer> code = client("v1").build(new String[] {"build", "--quiet"}, false, NO_DAEMON);

        assertEquals(Optional.of(3), code);
        assertEquals("args build,--quiet é\n", out());
        assertEquals("a warning\n", err());
    }

    @Test
    void theCommandSeesTheClientsTerminalAndTheNextOneWaitsForWorkLeftAfterTheReply() throws Exception {
        AtomicBoolean saved = new AtomicBoolean();
        List<String> seen = new ArrayList<>();
        serve((args, out, err) -> {
            DaemonSession s = DaemonSession.current().orElseThrow();
            seen.add(s.terminal() + " " + saved.get());
            s.afterReply().accept(() -> {
                sleep(300);
                saved.set(true);
            });
            return 0;
        }, "v1", Duration.ofMinutes(1));

        client("v1").build(new String[] {"build"}, true, NO_DAEMON);
        client("v1").build(new String[] {"build"}, false, NO_DAEMON);

        assertEquals(List.of("true false", "false true"), seen);
        assertTrue(DaemonSession.current().isEmpty(), "no session outside the daemon");
    }

    @Test
    void statusAndStop() throws Exception {
        Thread server = serve((args, out, err) -> 0, "v1", Duration.ofMinutes(1));
        client("v1").build(new String[] {"build"}, false, NO_DAEMON);

        assertTrue(client("").ask("status"));
        assertTrue(out().contains("serves " + project) && out().contains("1 command(s) run"), out());
        assertTrue(client("").ask("stop"));
        server.join(10_000);

        assertFalse(server.isAlive());
        assertFalse(Files.exists(DaemonState.file(project)), "a stopped daemon removes its state");
        assertFalse(client("").ask("status"), "nothing serves the folder any more");
    }

    @Test
    void aSecondDaemonForTheSameFolderGivesUp() throws Exception {
        serve((args, out, err) -> 0, "v1", Duration.ofMinutes(1));
        DaemonState first = DaemonState.read(project).orElseThrow();

        new DaemonServer(project, (args, out, err) -> 0, "v2", Duration.ofMinutes(1),
                new PrintStream(log, true, StandardCharsets.UTF_8)).serve();

        assertEquals(Optional.of(first), DaemonState.read(project));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("another daemon serves"));
    }

    @Test
    void anIdleDaemonStopsByItself() throws Exception {
        Thread server = serve((args, out, err) -> 0, "v1", Duration.ofMillis(300));
        server.join(10_000);
        assertFalse(server.isAlive());
        assertFalse(Files.exists(DaemonState.file(project)));
    }

    @Test
    void aDaemonOfAnotherVersionIsStoppedAndTheCommandRunsHereWhenNoneCanStart() throws Exception {
        Thread old = serve((args, out, err) -> {
            out.println("the old daemon ran it");
            return 0;
        }, "v1", Duration.ofMinutes(1));

        Optional<Integer> code = client("v2").build(new String[] {"build"}, false, NO_DAEMON);
        old.join(10_000);

        assertEquals(Optional.empty(), code, "run here");
        assertFalse(old.isAlive(), "the other version's daemon stopped");
        assertFalse(out().contains("the old daemon ran it"));
        assertTrue(err().contains("cannot start the build daemon"), err());
    }

    @Test
    void aStaleStateIsForgotten() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        new DaemonState(free, "token", 1, "v1").write(project);

        Optional<Integer> code = client("v1").build(new String[] {"build"}, false, NO_DAEMON);

        assertEquals(Optional.empty(), code);
        assertFalse(Files.exists(DaemonState.file(project)), "nothing listened: the state was stale");
    }

    @Test
    void aWrongTokenGetsNoAnswer() throws Exception {
        List<String> ran = new ArrayList<>();
        serve((args, out, err) -> {
            ran.add("ran");
            return 0;
        }, "v1", Duration.ofMinutes(1));
        DaemonState real = DaemonState.read(project).orElseThrow();
        new DaemonState(real.port(), "not the token", real.pid(), "v1").write(project);

        Optional<Integer> code = client("v1").build(new String[] {"build"}, false, NO_DAEMON);

        assertEquals(Optional.empty(), code);
        assertEquals(List.of(), ran);
        real.write(project); // so that the daemon can be stopped after the test
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
