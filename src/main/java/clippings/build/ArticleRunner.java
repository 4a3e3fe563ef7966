package clippings.build;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs the per-article work on all cores, each article on a thread with a deep stack and under a deadline.
 * Parsers of untrusted input can recurse deeply (nested quotes, lists, HTML) or take exponential time
 * (flexmark 0.64 on {@code [} followed by many backslashes, its issue #573): such an article fails alone, with
 * a report, and the build still ends in bounded time.
 * <p>One instance per build; not shared.
 */
final class ArticleRunner implements AutoCloseable {
    /** Deep enough for the nesting real pages have, and then some: 10,000 nested elements, 1,000 quotes. */
    static final long STACK_BYTES = 64L * 1024 * 1024;

    private final Duration deadline;
    private final ExecutorService pool;
    private final ScheduledExecutorService watchdog;
    private final Map<Thread, Running> running = new ConcurrentHashMap<>();

    private record Running(long startNanos, CompletableFuture<?> future) {
    }

    /** What became of one item: its value, or why there is none. */
    record Result<T>(T value, Throwable failure, boolean timedOut) {
    }

    ArticleRunner(int threads, Duration deadline) {
        this.deadline = deadline;
        this.pool = Executors.newFixedThreadPool(threads, factory("clippings-article", STACK_BYTES));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(factory("clippings-watchdog", 0));
        long period = Math.max(10, Math.min(250, deadline.toMillis() / 10));
        watchdog.scheduleAtFixedRate(this::stopOverdue, period, period, TimeUnit.MILLISECONDS);
    }

    /** Applies {@code work} to every item; results come back in the items' order. */
    <I, T> List<Result<T>> runAll(List<I> items, Function<I, T> work) {
        List<CompletableFuture<T>> futures = new ArrayList<>(items.size());
        for (I item : items) {
            CompletableFuture<T> f = new CompletableFuture<>();
            futures.add(f);
            pool.execute(() -> timed(work, item, f));
        }
        List<Result<T>> results = new ArrayList<>(items.size());
        for (CompletableFuture<T> f : futures) {
            try {
                results.add(new Result<>(f.get(), null, false));
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                results.add(new Result<>(null, cause, cause instanceof Overdue));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("build interrupted", e);
            }
        }
        return results;
    }

    Duration deadline() {
        return deadline;
    }

    private <I, T> void timed(Function<I, T> work, I item, CompletableFuture<T> result) {
        Thread me = Thread.currentThread();
        Running r = new Running(System.nanoTime(), result);
        running.put(me, r);
        try {
            result.complete(work.apply(item));
        } catch (Throwable e) { // NOPMD: a StackOverflowError or ThreadDeath must cost this article only
            result.completeExceptionally(e instanceof ThreadDeath ? new Overdue() : e);
        } finally {
            // Under the lock the watchdog stops threads with: once removed, this thread can no longer be
            // stopped, so a stop meant for this article never hits the next one.
            synchronized (r) {
                running.remove(me);
            }
            Thread.interrupted();
        }
    }

    /** Fails articles past the deadline and stops their threads (the only way to end a loop that ignores interrupts). */
    @SuppressWarnings({"deprecation", "removal"})
    private void stopOverdue() {
        long now = System.nanoTime();
        for (Map.Entry<Thread, Running> e : running.entrySet()) {
            Running r = e.getValue();
            if (now - r.startNanos() <= deadline.toNanos()) continue;
            synchronized (r) {
                if (running.get(e.getKey()) != r || !r.future().completeExceptionally(new Overdue())) continue;
                try {
                    e.getKey().stop();
                } catch (UnsupportedOperationException unsupported) {
                    // Java 20+ cannot stop a thread: interrupt it; the build goes on without waiting for it.
                    e.getKey().interrupt();
                }
            }
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        pool.shutdownNow();
    }

    private static ThreadFactory factory(String name, long stack) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(null, r, name + "-" + n.incrementAndGet(), stack);
            t.setDaemon(true);
            return t;
        };
    }

    /** The work on one item ran past the deadline. */
    static final class Overdue extends RuntimeException {
        Overdue() {
            super("timed out");
        }
    }
}
