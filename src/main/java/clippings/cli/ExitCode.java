package clippings.cli;

/** The exit codes of every command; scripts and CI rely on them, so they never change meaning. */
public final class ExitCode {
    /** Everything worked. */
    public static final int OK = 0;
    /** The command ran, but some inputs failed (or a template did): see the report. */
    public static final int INPUT_ERRORS = 1;
    /** The command line or the configuration is wrong; nothing was done. */
    public static final int USAGE = 2;

    private ExitCode() {
    }
}
