package clippings.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code clippings serve} from the command line, up to the point where it would block (#6). */
class ServeCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ClippingsCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void helpListsEveryOption() {
        assertEquals(0, run("serve", "--help"));
        for (String option : new String[] {"--port", "--bind", "--base-path", "--content", "--templates", "--out",
                "--config", "--base-url"}) {
            assertTrue(out.toString().contains(option), option + " in " + out);
        }
    }

    @Test
    void aBusyPortExitsWith2AndSuggestsAnotherPort() throws IOException {
        Files.createDirectories(dir.resolve("content"));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int code = run("serve", "--content", dir.resolve("content").toString(), "--out",
                    dir.resolve("site").toString(), "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(2, code, err.toString());
            assertTrue(err.toString().contains("in use") && err.toString().contains("--port"), err.toString());
        }
    }

    /** A configuration error found while serving keeps its file and line for the overlay. */
    @Test
    void configErrorsBecomeLocatedProblems() {
        assertEquals(new clippings.model.Problem("conf/clippings.yml", 3, 0, "unknown key 'titel'"),
                ServeCommand.located("conf/clippings.yml:3: unknown key 'titel'"));
        assertEquals(clippings.model.Problem.of("configuration", "cannot read: gone"),
                ServeCommand.located("cannot read: gone"));
    }

    @Test
    void badOptionsExitWith2() {
        assertEquals(2, run("serve", "--content", dir.resolve("missing").toString()));
        assertTrue(err.toString().contains("content folder not found"), err.toString());
        assertEquals(2, run("serve", "--content", dir.toString(), "--base-path", "/../x/"));
        assertEquals(2, run("serve", "--content", dir.toString(), "--port", "70000"));
    }
}
