package clippings.dedupe;

import clippings.model.Fingerprint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the duplicates {@link DuplicateFinder} finds, in an archive that is searched again after a few of its
 * inputs changed (serve and the build daemon, after each edit): at 10,000 articles a search from scratch took
 * 30 ms of every edit (#7).
 * <p>The answer is the last one when each changed input was in no duplicate group before and is alike to no other
 * input now: no same canonical URL, and no text alike among those sharing a bucket with it. The other inputs'
 * links to each other did not change, so neither did the groups. In any other case (an input came or went, a
 * group may split or grow, many inputs changed) the search runs from scratch.
 * <p>Items are compared by identity with the last search's: an item must stand for the same candidate whenever it
 * is passed again. Not thread-safe: one search at a time.
 */
public final class RepeatedDuplicateFinder {
    /** Past this many changed inputs, a search from scratch is about as cheap. */
    static final int MAX_CHANGED = 64;

    private final DuplicateFinder finder = new DuplicateFinder();
    private Last last;
    private int searches;
    private int fromScratch;

    private record Last(List<?> items, List<DuplicateFinder.Candidate> candidates, DuplicateFinder.Buckets buckets,
                        Map<String, Integer> urls, Set<String> grouped, List<DuplicateFinder.Duplicate> found) {
    }

    /** The duplicates among the items' candidates, as {@link DuplicateFinder#find} gives them. */
    public <T> List<DuplicateFinder.Duplicate> find(List<T> items, Function<T, DuplicateFinder.Candidate> candidate) {
        searches++;
        List<DuplicateFinder.Duplicate> found = last == null ? null : again(items, candidate);
        if (found != null) return found;
        fromScratch++;
        List<DuplicateFinder.Candidate> candidates = items.stream().map(candidate).toList();
        DuplicateFinder.Buckets buckets = DuplicateFinder.Buckets.of(candidates);
        String[] canonical = DuplicateFinder.canonicalUrls(candidates);
        found = finder.find(candidates, buckets, canonical);
        Map<String, Integer> urls = new HashMap<>();
        for (String url : canonical) if (url != null) urls.merge(url, 1, Integer::sum);
        Set<String> grouped = new HashSet<>();
        for (DuplicateFinder.Duplicate d : found) {
            grouped.add(d.file());
            grouped.add(d.of());
        }
        last = new Last(List.copyOf(items), candidates, buckets, urls, grouped, found);
        return found;
    }

    /** Searches so far, and how many of them ran from scratch. */
    int[] counts() {
        return new int[]{searches, fromScratch};
    }

    /** The last answer, updated for the changed items, or null when the search must run from scratch. */
    private <T> List<DuplicateFinder.Duplicate> again(List<T> items, Function<T, DuplicateFinder.Candidate> candidate) {
        if (items.size() != last.items().size()) return null;
        List<Integer> changedList = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) != last.items().get(i)) {
                changedList.add(i);
                if (changedList.size() > MAX_CHANGED) return null;
            }
        }
        if (changedList.isEmpty()) return last.found();
        int[] changed = changedList.stream().mapToInt(Integer::intValue).toArray();
        DuplicateFinder.Candidate[] now = new DuplicateFinder.Candidate[changed.length];
        for (int c = 0; c < changed.length; c++) {
            DuplicateFinder.Candidate before = last.candidates().get(changed[c]);
            now[c] = candidate.apply(items.get(changed[c]));
            // Another input in this place, or one that was in a group (which may now split): from scratch.
            if (!now[c].origin().equals(before.origin()) || now[c].rank() != before.rank()
                    || last.grouped().contains(before.origin())) {
                return null;
            }
        }
        if (linked(changed, now)) return null;

        List<DuplicateFinder.Candidate> candidates = new ArrayList<>(last.candidates());
        Map<String, Integer> urls = new HashMap<>(last.urls());
        Fingerprint[] prints = new Fingerprint[changed.length];
        for (int c = 0; c < changed.length; c++) {
            String before = last.candidates().get(changed[c]).canonicalUrl();
            if (before != null) urls.computeIfPresent(before, (u, k) -> k == 1 ? null : k - 1);
            String url = now[c].canonicalUrl();
            if (url != null) urls.merge(url, 1, Integer::sum);
            candidates.set(changed[c], now[c]);
            prints[c] = now[c].fingerprint();
        }
        last = new Last(List.copyOf(items), List.copyOf(candidates), last.buckets().replace(changed, prints), urls,
                last.grouped(), last.found());
        return last.found();
    }

    /**
     * Whether any changed candidate has a link the full search would follow: a canonical URL another input has
     * (counted before the change, so a changed input's own old URL is left out), or a text alike to one sharing a
     * bucket with it, among the unchanged inputs or the other changed ones.
     */
    private boolean linked(int[] changed, DuplicateFinder.Candidate[] now) {
        long low = last.buckets().low;
        long[][] keys = new long[changed.length][];
        for (int c = 0; c < changed.length; c++) {
            String url = now[c].canonicalUrl();
            if (url != null) {
                int others = last.urls().getOrDefault(url, 0);
                if (url.equals(last.candidates().get(changed[c]).canonicalUrl())) others--;
                if (others > 0) return true;
                for (int d = 0; d < c; d++) if (url.equals(now[d].canonicalUrl())) return true;
            }
            keys[c] = DuplicateFinder.Buckets.keys(now[c].fingerprint(), low);
            for (long key : keys[c]) {
                for (int j : last.buckets().members(key)) {
                    if (Arrays.binarySearch(changed, j) >= 0) continue;
                    Fingerprint other = last.candidates().get(j).fingerprint();
                    if (DuplicateFinder.alike(now[c].fingerprint(), other)) return true;
                }
            }
            for (int d = 0; d < c; d++) {
                boolean alike = DuplicateFinder.alike(now[c].fingerprint(), now[d].fingerprint());
                if (alike && shareABucket(keys[c], keys[d])) return true;
            }
        }
        return false;
    }

    private static boolean shareABucket(long[] a, long[] b) {
        for (long x : a) for (long y : b) if (x == y) return true;
        return false;
    }
}
