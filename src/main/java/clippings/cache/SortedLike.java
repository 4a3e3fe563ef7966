package clippings.cache;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A map's entries in key order, found from the order of an earlier map with mostly the same keys: the cache
 * writes the site's record of 40,000 files sorted, so that the same site gives the same bytes, and sorting it
 * from scratch (a {@code TreeMap} of long paths) was half of saving the cache after an edit (#7).
 */
public final class SortedLike {
    private SortedLike() {
    }

    /**
     * The entries of {@code now} in key order, as a read-only view of it. {@code last}'s iteration order is used
     * for the keys both have when it is sorted (it is checked on the way), and the keys only {@code now} has are
     * sorted and merged in.
     */
    public static <V> Map<String, V> sorted(Map<String, ?> last, Map<String, V> now) {
        List<String> kept = new ArrayList<>(now.size());
        String previous = null;
        for (String key : last.keySet()) {
            if (previous != null && previous.compareTo(key) >= 0) return new TreeMap<>(now);
            previous = key;
            if (now.containsKey(key)) kept.add(key);
        }
        List<String> added = new ArrayList<>();
        if (kept.size() < now.size()) {
            for (String key : now.keySet()) if (!last.containsKey(key)) added.add(key);
            Collections.sort(added);
        }
        List<String> keys = new ArrayList<>(now.size());
        int a = 0;
        for (String key : kept) {
            while (a < added.size() && added.get(a).compareTo(key) < 0) keys.add(added.get(a++));
            keys.add(key);
        }
        while (a < added.size()) keys.add(added.get(a++));
        return new InOrder<>(keys, now);
    }

    /** A sorted map's keys looked up by range. */
    public interface Ranges {
        /** The keys from {@code from} (included) up to {@code to} (left out), in order. */
        Collection<String> keysBetween(String from, String to);
    }

    /** The map's keys by range, when it keeps them sorted: a map from {@link #sorted}, or a navigable one. */
    public static Optional<Ranges> ranges(Map<String, ?> map) {
        if (map instanceof InOrder<?> view) return Optional.of(view::keysBetween);
        if (map instanceof NavigableMap<String, ?> navigable) {
            return Optional.of((from, to) -> navigable.subMap(from, true, to, false).keySet());
        }
        return Optional.empty();
    }

    /**
     * The same entries, in whatever order is cheapest: for a map from {@link #sorted}, the map it is a view of,
     * whose entries are walked without looking each key up (40,000 lookups after every edit in serve, #7).
     */
    @SuppressWarnings("unchecked")
    public static <V> Map<String, V> unordered(Map<String, V> map) {
        return map instanceof InOrder<?> view ? (Map<String, V>) view.values : map;
    }

    /**
     * A read-only view of {@code values} that iterates in the order of {@code keys}, its key set: copying
     * 40,000 entries into a new map was most of what was left of the sort.
     */
    private static final class InOrder<V> extends AbstractMap<String, V> {
        private final List<String> keys;
        private final Map<String, V> values;

        InOrder(List<String> keys, Map<String, V> values) {
            this.keys = keys;
            this.values = values;
        }

        @Override
        public int size() {
            return keys.size();
        }

        Collection<String> keysBetween(String from, String to) {
            int start = at(from);
            return keys.subList(start, Math.max(start, at(to)));
        }

        /** Where {@code key} is, or would go, in the keys. */
        private int at(String key) {
            int i = Collections.binarySearch(keys, key);
            return i >= 0 ? i : -i - 1;
        }

        @Override
        public V get(Object key) {
            return values.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return values.containsKey(key);
        }

        @Override
        public Set<Entry<String, V>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, V>> iterator() {
                    Iterator<String> it = keys.iterator();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return it.hasNext();
                        }

                        @Override
                        public Entry<String, V> next() {
                            String key = it.next();
                            return new SimpleImmutableEntry<>(key, values.get(key));
                        }
                    };
                }

                @Override
                public int size() {
                    return keys.size();
                }
            };
        }
    }
}
