package clippings.taxonomy;

import com.ibm.icu.text.Transliterator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An ICU transliterator that threads can share: ICU's instances are not thread-safe, so calls take a lock, and
 * since a call costs tens of microseconds, results are kept in a bounded concurrent map (names and tags recur
 * on many articles, #7).
 * <p>Thread-safe.
 */
final class CachedTransliterator {
    private static final int CACHE_SIZE = 50_000;

    private final String id;
    /** Built on first use, under the lock: building one takes a tenth of a second, and most names are ASCII. */
    private Transliterator icu;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    CachedTransliterator(String id) {
        this.id = id;
    }

    String transliterate(String text) {
        String cached = cache.get(text);
        if (cached != null) return cached;
        String out;
        synchronized (this) {
            if (icu == null) icu = Transliterator.getInstance(id);
            out = icu.transliterate(text);
        }
        if (cache.size() > CACHE_SIZE) cache.clear(); // bounded: a build may see millions of distinct texts
        cache.put(text, out);
        return out;
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 128) return false;
        return true;
    }
}
