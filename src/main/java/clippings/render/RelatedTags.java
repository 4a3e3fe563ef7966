package clippings.render;

import clippings.model.ArticleEntry;
import clippings.model.SiteIndex;
import clippings.model.TagEntry;
import clippings.model.TagRef;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tags that appear most often on the same articles as a tag (co-occurrence), for the "related tags" of a
 * tag page. Ties go to the rarer tag (it says more), then to the name.
 * <p>Tags are numbered and counted in arrays, and the tie order is one ranking of all tags made up front: a map of
 * counts per tag, each sorted whole with a comparator that lower-cased names, took most of a tag-page render
 * after an edit that changed the index at 10,000 articles (#7).
 * <p>Immutable once built; thread-safe.
 */
final class RelatedTags {
    static final int LIMIT = 8;

    private final Map<String, List<TagEntry>> bySlug = new HashMap<>();

    RelatedTags(SiteIndex index) {
        List<TagEntry> tags = index.tags();
        int n = tags.size();
        Map<String, Integer> number = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) number.put(tags.get(i).slug(), i);
        int[] tieRank = tieRanks(tags);

        // Each article's tags by number, and how many others each tag meets on them.
        List<int[]> onArticles = new ArrayList<>(index.articles().size());
        int[] met = new int[n + 1];
        for (ArticleEntry e : index.articles()) {
            // A loop, not a stream: one stream per article was a third of ranking after a tag changed (#7).
            List<TagRef> refs = e.tags();
            int[] nums = new int[refs.size()];
            int found = 0;
            for (TagRef ref : refs) {
                Integer at = number.get(ref.slug());
                if (at != null) nums[found++] = at;
            }
            if (found < nums.length) nums = Arrays.copyOf(nums, found);
            onArticles.add(nums);
            for (int a : nums) for (int b : nums) if (a != b) met[a + 1]++;
        }
        // The tags each tag meets, one run per tag (a counting sort by tag).
        for (int i = 0; i < n; i++) met[i + 1] += met[i];
        int[] others = new int[met[n]];
        int[] fill = Arrays.copyOf(met, n);
        for (int[] nums : onArticles) for (int a : nums) for (int b : nums) if (a != b) others[fill[a]++] = b;

        int[] count = new int[n];
        int[] touched = new int[n];
        for (int a = 0; a < n; a++) {
            int found = 0;
            for (int k = met[a]; k < met[a + 1]; k++) {
                int b = others[k];
                if (count[b]++ == 0) touched[found++] = b;
            }
            if (found == 0) continue;
            int[] best = TopRanked.of(touched, found, LIMIT, (x, y) -> before(x, y, count, tieRank));
            List<TagEntry> top = new ArrayList<>(best.length);
            for (int b : best) top.add(tags.get(b));
            bySlug.put(tags.get(a).slug(), List.copyOf(top));
            for (int t = 0; t < found; t++) count[touched[t]] = 0;
        }
    }

    /** Whether tag {@code x} ranks before {@code y}: met more often, else earlier in the tie order. */
    private static boolean before(int x, int y, int[] count, int[] tieRank) {
        return count[x] > count[y] || count[x] == count[y] && tieRank[x] < tieRank[y];
    }

    /** Each tag's place among all tags by rarity (fewest articles first), then name in any case, then slug. */
    private static int[] tieRanks(List<TagEntry> tags) {
        int n = tags.size();
        String[] lower = new String[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            lower[i] = tags.get(i).name().toLowerCase(Locale.ROOT);
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingInt(i -> tags.get(i).articleIds().size())
                .thenComparing(i -> lower[i]).thenComparing(i -> tags.get(i).slug()));
        int[] rank = new int[n];
        for (int r = 0; r < n; r++) rank[order[r]] = r;
        return rank;
    }

    List<TagEntry> of(String slug) {
        return bySlug.getOrDefault(slug, List.of());
    }
}
