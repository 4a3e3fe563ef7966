package clippings.cli;

import java.io.Console;

/** Whether this process was started by a person at a terminal rather than by a script, a pipe or CI. */
final class Terminal {
    private Terminal() {
    }

    /**
     * True when standard input and output are both a terminal. {@code System.console()} says so on Java 17, but
     * on Java 22 to 24 it returns a console for redirected streams too, and only {@code Console.isTerminal()}
     * (Java 22 on, so looked up by name here) tells them apart.
     */
    static boolean interactive() {
        Console console = System.console();
        if (console == null) return false;
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true; // Java 17 to 21: a console is only given to a terminal
        }
    }
}
