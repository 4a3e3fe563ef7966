package clippings.feed;

import clippings.model.Article;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The XML-escaped bodies of the articles a set of feeds shows. Every entry carries its article's full text, and
 * an article is in the site's feed and in the feed of each of its tags and its source, so a cold build loaded
 * and escaped the same body from the body store several times (#7). A body shown by more than one feed is
 * kept from its first use until its last one; a body shown once is never kept. The kept bodies are bounded by
 * {@code maxChars}, least recently used first out, so memory stays bounded whatever the archive (a feed
 * produced in another order, or not at all, only costs a reload).
 * <p>Thread-safe.
 */
final class FeedBodies {
    private final long maxChars;
    /** Body digest → how many feed entries have yet to show it. */
    private final Map<String, Integer> uses;
    private final LinkedHashMap<String, String> kept = new LinkedHashMap<>(64, 0.75f, true);
    private long keptChars;

    /** @param shown the body digest of every entry of every feed, repeats included */
    FeedBodies(Iterable<String> shown, long maxChars) {
        this.maxChars = maxChars;
        this.uses = new HashMap<>();
        for (String digest : shown) uses.merge(digest, 1, Integer::sum);
    }

    /** The article's body, escaped for XML. */
    String escaped(Article a) {
        String digest = a.body().digest();
        synchronized (this) {
            String hit = kept.get(digest);
            if (hit != null) {
                if (used(digest) == 0) forget(digest);
                return hit;
            }
        }
        String escaped = Xml.escape(a.bodyHtml());
        synchronized (this) {
            if (used(digest) > 0 && !kept.containsKey(digest)) {
                kept.put(digest, escaped);
                keptChars += escaped.length();
                for (Iterator<String> oldest = kept.values().iterator(); keptChars > maxChars && oldest.hasNext(); ) {
                    keptChars -= oldest.next().length();
                    oldest.remove();
                }
            }
        }
        return escaped;
    }

    /** Counts one use of a body and returns how many are left (0 for a body no counted feed shows). */
    private int used(String digest) {
        Integer left = uses.computeIfPresent(digest, (d, n) -> n - 1);
        return left == null ? 0 : Math.max(left, 0);
    }

    private void forget(String digest) {
        String gone = kept.remove(digest);
        if (gone != null) keptChars -= gone.length();
    }
}
