package clippings.cli;

import clippings.publish.ArchiveScaffold;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code clippings init DIR}: a new archive project, ready to preview and to publish on GitHub Pages. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Creates a new archive project in DIR: content/ with one sample scrape, clippings.yml with "
                + "every key commented out, a GitHub Pages workflow, a README, .gitignore and a copy of this "
                + "clippings.jar for the workflow to run. Never overwrites a file."})
final class InitCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Folder of the new project (created if needed).")
    Path dir;

    @Option(names = "--no-jar", description = "Do not copy clippings.jar into the project (you will add it yourself).")
    boolean noJar;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Path> jar = noJar ? Optional.empty() : runningJar();
        List<Path> written;
        try {
            written = new ArchiveScaffold(jar).create(dir);
        } catch (FileAlreadyExistsException e) {
            err.println("clippings: " + e.getFile() + " already exists; init never overwrites files");
            return ExitCode.USAGE;
        } catch (IOException e) {
            err.println("clippings: cannot create the project in " + dir + ": " + e.getMessage());
            return ExitCode.USAGE;
        }
        for (Path p : written) out.println("created " + p);
        if (jar.isEmpty()) {
            out.println("note: no clippings.jar was copied; the workflow runs ./clippings.jar, so add it before pushing");
        }
        out.println("Next: cd " + dir + " && java -jar clippings.jar serve; to publish, see README.md.");
        out.flush();
        return ExitCode.OK;
    }

    /** The jar this command runs from, if it runs from one (not from classes, as in tests). */
    private static Optional<Path> runningJar() {
        try {
            CodeSource source = InitCommand.class.getProtectionDomain().getCodeSource();
            if (source == null) return Optional.empty();
            Path p = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? Optional.of(p) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }
}
