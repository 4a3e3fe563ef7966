package clippings.daemon;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * What a command run by the daemon needs to know of the client it runs for: whether the client's output is a
 * terminal (the daemon's own is a log file), and where to hand work that may finish after the reply (writing the
 * build cache, as {@code serve} does: the next build waits for it).
 */
public record DaemonSession(boolean terminal, Consumer<Runnable> afterReply) {
    private static final ThreadLocal<DaemonSession> CURRENT = new ThreadLocal<>();

    /** The session of the command running on this thread; empty outside the daemon. */
    public static Optional<DaemonSession> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Runs {@code command} on this thread within the session; returns its exit code. */
    int run(IntSupplier command) {
        CURRENT.set(this);
        try {
            return command.getAsInt();
        } finally {
            CURRENT.remove();
        }
    }
}
