package clippings.cli;

import clippings.build.BuildOptions;
import clippings.build.Progress;
import clippings.build.BuildReport;
import clippings.build.SiteBuild;
import clippings.daemon.DaemonSession;
import clippings.model.Problem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code clippings build}: content/ + templates/ → site/. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Builds the site from the content folder.")
final class BuildCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    BuildInputs inputs;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Where to write the JSON build report (default: .clippings/report.json beside the output folder).")
    Path report;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors: no phases, progress or summary.")
    boolean quiet;

    @Option(names = "--strict", description = "Fail the build, and keep the previous site, if any input fails.")
    boolean strict;

    @Option(names = "--daemon", negatable = true,
            description = "Run the build in this folder's build daemon, a JVM kept warm between builds (started "
                    + "when none runs). Default: on at a terminal outside CI where the content folder exists, else "
                    + "off; CLIPPINGS_DAEMON=1 or 0 sets it. See clippings daemon.")
    boolean daemon;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BuildOptions options = inputs.options(Optional.ofNullable(report), strict);
        // A line redrawn in place only where a person watches; logs get one line per phase.
        // In the daemon, the client's terminal counts, and the cache is written after the reply, as serve does.
        Optional<DaemonSession> session = DaemonSession.current();
        boolean terminal = session.map(DaemonSession::terminal).orElse(Terminal.interactive());
        Progress progress = quiet ? Progress.quiet() : terminal ? Progress.live(out) : Progress.lines(out);
        SiteBuild build = new SiteBuild(options, quiet ? new PrintWriter(java.io.Writer.nullWriter()) : out, progress);
        session.ifPresent(s -> build.deferSave(s.afterReply()));
        BuildReport r = build.run();
        for (Problem p : r.failed()) err.println(p);
        for (Problem p : r.problems()) err.println(p);
        err.flush();
        if (quiet) return r.ok() ? ExitCode.OK : ExitCode.INPUT_ERRORS;
        out.printf("%d inputs: %d published, %d duplicates, %d skipped, %d failed; %d tags, %d files, %d bytes in %d ms%n",
                r.inputs(), r.published().size(), r.duplicates().size(), r.skipped().size(), r.failed().size(),
                r.tags(), r.pages(), r.bytes(), r.phases().getOrDefault("total", 0L));
        for (var s : r.skipped()) out.println("  skipped " + s);
        for (var d : r.duplicates()) out.println("  duplicate " + d.file() + " of " + d.of() + " (" + d.reason() + ")");
        out.println("report: " + options.reportFile());
        out.flush();
        return r.ok() ? ExitCode.OK : ExitCode.INPUT_ERRORS;
    }
}
