package clippings.cache;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Values one build made, by key, for the next build of the process to take again while their key is the same
 * (see {@link ProcessMemory}): each value must be a function of its key alone, or of its key and what a check
 * given with it looks at (see {@link Round#get(Object, Predicate, Function)}). Only the last build's are kept.
 * <p>Thread-safe between builds; one build's {@link #round} is used by one thread, a {@link #sharedRound} by any.
 *
 * @param <K> keys, compared by {@code equals}
 * @param <V> values
 */
public final class KeptValues<K, V> {
    private volatile Map<K, V> last = Map.of();

    public KeptValues() {
        ProcessMemory.onForget(() -> last = Map.of());
    }

    /** One build's use, for an archive of {@code articles} articles. */
    public Round round(int articles) {
        return new Round(ProcessMemory.keeps(articles), new HashMap<>());
    }

    /** One build's use by several threads at once. */
    public Round sharedRound(int articles) {
        return new Round(ProcessMemory.keeps(articles), new ConcurrentHashMap<>());
    }

    /**
     * The one value a build takes, for an archive of {@code articles} articles: the last build's when its key was
     * the same, else one made now, which is kept instead.
     */
    public V only(int articles, K key, Function<K, V> make) {
        try (Round round = round(articles)) {
            return round.get(key, make);
        }
    }

    /** The values one build takes or makes; {@link #close} keeps them for the next. */
    public final class Round implements AutoCloseable {
        private final boolean keep;
        private final Map<K, V> known = last;
        private final Map<K, V> now;

        private Round(boolean keep, Map<K, V> now) {
            this.keep = keep;
            this.now = now;
        }

        /** The last build's value for the key, else one made now. */
        public V get(K key, Function<K, V> make) {
            return get(key, v -> true, make);
        }

        /**
         * The last build's value for the key if {@code still} holds for it, else one made now: for a value that
         * depends on more than the key, where hashing the rest would cost as much as making the value.
         */
        public V get(K key, Predicate<V> still, Function<K, V> make) {
            V v = keep ? known.get(key) : null;
            if (v == null || !still.test(v)) v = make.apply(key);
            if (keep) now.put(key, v);
            return v;
        }

        @Override
        public void close() {
            last = keep ? now : Map.of();
        }
    }
}
