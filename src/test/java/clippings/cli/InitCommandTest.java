package clippings.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code clippings init DIR} from the command line, and a build of the project it creates (#6). */
class InitCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ClippingsCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void createsAProjectThatBuildsAndRefusesASecondTime() {
        Path project = dir.resolve("archive");
        assertEquals(0, run("init", project.toString()), err.toString());
        assertTrue(out.toString().contains("created " + project.resolve("clippings.yml")), out.toString());
        assertTrue(Files.isRegularFile(project.resolve(".github/workflows/pages.yml")));

        assertEquals(0, run("build", "--content", project.resolve("content").toString(), "--out",
                project.resolve("site").toString(), "--config", project.resolve("clippings.yml").toString()),
                err.toString());
        assertTrue(Files.isRegularFile(project.resolve("site/index.html")));

        assertEquals(2, run("init", project.toString()));
        assertTrue(err.toString().contains(project.resolve("content/000_259fb651ae3d4348.txt") + " already exists"),
                err.toString());
    }
}
