package clippings.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The top-level {@code clippings} command; its subcommands do the work. */
@Command(name = "clippings",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Turns a folder of scraped news (text dumps, saved HTML pages, Markdown) into a browsable, "
                + "searchable static archive.",
        subcommands = {BuildCommand.class, ExtractCommand.class, TagsCommand.class, ServeCommand.class, InitCommand.class,
                DaemonCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:some inputs (or a template) failed; see the report",
                "2:usage or configuration error"})
public final class ClippingsCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (e.g. build)");
    }

    /** A command line with Clippings' exit codes, writing to the given streams; used by main and by tests. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new ClippingsCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> ExitCode.USAGE);
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("clippings: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try 'clippings --help' for usage.");
            return ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("clippings: " + ex.getMessage());
            return ex instanceof clippings.build.ConfigException || ex instanceof IllegalArgumentException
                    ? ExitCode.USAGE : ExitCode.INPUT_ERRORS;
        });
        return cl;
    }
}
