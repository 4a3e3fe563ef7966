package clippings.build;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How a build shows where it is (#7): a line per phase in logs, a live line redrawn in place on a terminal,
 * or nothing. Phases are begun and ended by one thread; {@link #advance} may be called from any thread.
 */
public interface Progress {
    /** A phase starts; {@code total} is how many items it has, or -1 when unknown. */
    default void begin(String phase, int total) {
    }

    /** One more item of the current phase is done. */
    default void advance() {
    }

    /** The phase ended after {@code millis}; {@code detail} says what it did. */
    void end(String phase, long millis, String detail);

    /** One plain line per phase: for logs and CI, where a redrawn line would be noise. */
    static Progress lines(PrintWriter out) {
        return (phase, millis, detail) -> {
            out.println(line(phase, millis, detail));
            out.flush();
        };
    }

    /** Nothing at all ({@code --quiet}). */
    static Progress quiet() {
        return (phase, millis, detail) -> {
        };
    }

    /**
     * On a terminal: while a phase runs longer than a second, a line redrawn four times a second with the count,
     * the total and the rate; then the phase's plain line in its place.
     */
    static Progress live(PrintWriter out) {
        LiveProgress live = new LiveProgress(out, System::nanoTime);
        live.tickEvery(250);
        return live;
    }

    static String line(String phase, long millis, String detail) {
        return String.format(Locale.ROOT, "%-9s %6d ms  %s", phase, millis, detail);
    }

    /** See {@link #live}. */
    final class LiveProgress implements Progress {
        private final PrintWriter out;
        private final AtomicInteger done = new AtomicInteger();
        private final java.util.function.LongSupplier clock;
        private volatile String phase;
        private volatile int total;
        private volatile long started;
        private int drawn;

        LiveProgress(PrintWriter out, java.util.function.LongSupplier clock) {
            this.out = out;
            this.clock = clock;
        }

        /** Redraws from a daemon thread, so a build that ends never waits for it. */
        void tickEvery(long millis) {
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "clippings-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::draw, millis, millis, TimeUnit.MILLISECONDS);
        }

        @Override
        public void begin(String name, int items) {
            synchronized (this) {
                done.set(0);
                total = items;
                started = clock.getAsLong();
                phase = name;
            }
        }

        @Override
        public void advance() {
            done.incrementAndGet();
        }

        @Override
        public synchronized void end(String name, long millis, String detail) {
            phase = null;
            erase();
            out.println(line(name, millis, detail));
            out.flush();
        }

        synchronized void draw() {
            String p = phase;
            if (p == null) return;
            double seconds = (clock.getAsLong() - started) / 1e9;
            if (seconds < 1) return;
            int n = done.get();
            String text = total >= 0
                    ? String.format(Locale.ROOT, "%-9s %,d/%,d  %,.0f/s  %.0f s", p, n, total, n / seconds, seconds)
                    : String.format(Locale.ROOT, "%-9s %,d  %.0f s", p, n, seconds);
            erase();
            out.print(text);
            out.flush();
            drawn = text.length();
        }

        private void erase() {
            if (drawn > 0) out.print("\r" + " ".repeat(drawn) + "\r");
            drawn = 0;
        }
    }
}
