package clippings.cache;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Digests of a name (an input's origin) and a few parts, each kept under the name from one build to the next
 * of a process that builds again (see {@link ProcessMemory}), and given again while the parts are equal: after
 * every edit, serve and the build daemon take two digests for each of 10,000 unchanged inputs, where comparing
 * parts that are mostly the same objects is cheaper than encoding and hashing them (#7).
 * <p>Thread-safe.
 */
public final class KeptDigests {
    /** Past this many names (inputs renamed or deleted over a long session), the kept digests are dropped. */
    static final int MAX_NAMES = 4 * ProcessMemory.MAX_ARTICLES;

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    private record Kept(Object[] rest, String digest) {
    }

    public KeptDigests() {
        ProcessMemory.onForget(kept::clear);
    }

    /**
     * {@link Digests#of} the name followed by the rest; the one kept under {@code name} when the rest was equal.
     */
    public String of(String name, Object... rest) {
        if (!ProcessMemory.keeping()) return Digests.of(withName(name, rest));
        Kept k = kept.get(name);
        if (k != null && Arrays.equals(k.rest(), rest)) return k.digest();
        String digest = Digests.of(withName(name, rest));
        if (kept.size() >= MAX_NAMES) kept.clear();
        kept.put(name, new Kept(rest.clone(), digest));
        return digest;
    }

    private static Object[] withName(String name, Object[] rest) {
        Object[] parts = new Object[rest.length + 1];
        parts[0] = name;
        System.arraycopy(rest, 0, parts, 1, rest.length);
        return parts;
    }
}
