package clippings.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One table of the build cache in use: what the last build stored, and what this build used or added. Saving
 * keeps only the latter, so entries of deleted inputs are forgotten.
 * <p>Thread-safe.
 *
 * @param <V> the record type of the values
 */
public final class CacheTable<V> {
    private final CacheFile<V> file;
    /** Read in the background from construction on (or first use): the build scans its inputs meanwhile (#7). */
    private volatile java.util.concurrent.CompletableFuture<Map<String, V>> previous;
    /** Made when the last build's table is known, sized for it: growing it entry by entry showed in profiles (#7). */
    private volatile Map<String, V> used;
    private volatile boolean changed;

    /** Starts reading the table's file; a damaged file throws {@link CorruptCacheException} on first use. */
    public CacheTable(CacheFile<V> file) {
        this(file, true);
    }

    /**
     * A table whose file is read from construction on, or, unless {@code now}, only when first used: a table
     * some builds never use is not decoded for them, nor beside the reads they wait for.
     */
    public CacheTable(CacheFile<V> file, boolean now) {
        this.file = file;
        if (now) this.previous = java.util.concurrent.CompletableFuture.supplyAsync(file::read);
    }

    /**
     * Waits until the file is read.
     *
     * @throws CorruptCacheException when it is damaged
     */
    public void await() {
        previous();
    }

    private Map<String, V> previous() {
        var read = previous;
        if (read == null) {
            synchronized (this) {
                // Read here, in the thread that first needs it; a failure is kept as the eager read's would be.
                if (previous == null) {
                    previous = java.util.concurrent.CompletableFuture.supplyAsync(file::read, Runnable::run);
                }
                read = previous;
            }
        }
        try {
            return read.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    /** The last build's value for {@code key}, marked as used, when it had one. */
    public Optional<V> reuse(String key) {
        return reuseIf(key, v -> true);
    }

    /**
     * The last build's value for {@code key} when {@code usable} holds for it, marked as used; looked up once,
     * where a look and then a reuse looked each of 10,000 unchanged inputs up twice after every edit (#7).
     */
    public Optional<V> reuseIf(String key, java.util.function.Predicate<V> usable) {
        V v = previous().get(key);
        if (v == null || !usable.test(v)) return Optional.empty();
        usedMap().put(key, v);
        return Optional.of(v);
    }

    /** The last build's value, without marking it used (the caller may still find it unusable). */
    public Optional<V> peek(String key) {
        return Optional.ofNullable(previous().get(key));
    }

    /** Records a value this build used or made. */
    public void put(String key, V value) {
        if (previous().get(key) != value) changed = true;
        usedMap().put(key, value);
    }

    private Map<String, V> usedMap() {
        Map<String, V> u = used;
        if (u == null) {
            synchronized (this) {
                u = used;
                if (u == null) used = u = new ConcurrentHashMap<>(Math.max(16, previous().size() + previous().size() / 2));
            }
        }
        return u;
    }

    /** The values this build used or made. */
    public Iterable<V> used() {
        return usedMap().values();
    }

    /** Whether saving would change the file: a value was added or replaced, or one was left unused. */
    public boolean changed() {
        return changed || usedMap().size() != previous().size();
    }

    /**
     * Makes the file hold what this build used or made (unless that is what it holds already): by appending the
     * values added or replaced and the keys left unused to its journal when they are few, else by writing it
     * whole. A value the build took from the last one is the same object, so it is not written again.
     */
    public void save() {
        if (!changed()) return;
        Map<String, V> before = previous();
        Map<String, V> now = usedMap();
        List<Map.Entry<String, V>> puts = new ArrayList<>();
        for (var e : now.entrySet()) {
            if (before.get(e.getKey()) != e.getValue()) puts.add(Map.entry(e.getKey(), e.getValue()));
        }
        List<String> removes = new ArrayList<>();
        for (String k : before.keySet()) if (!now.containsKey(k)) removes.add(k);
        if (puts.size() + removes.size() > now.size() / 4 || !file.append(now, puts, removes)) file.write(now);
    }
}
