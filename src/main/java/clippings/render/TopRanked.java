package clippings.render;

/**
 * The best few of many candidates by one ranking, best first, found by insertion into a short list rather than
 * by sorting them all: related articles and related tags keep a handful out of thousands (#5, #7).
 */
final class TopRanked {
    /** Whether candidate {@code x} ranks before candidate {@code y}; a total order. */
    interface Ranking {
        boolean before(int x, int y);
    }

    private TopRanked() {
    }

    /** The best {@code limit} of {@code candidates[0, count)}, best first. */
    static int[] of(int[] candidates, int count, int limit, Ranking ranking) {
        int[] best = new int[Math.min(limit, count)];
        int kept = 0;
        for (int i = 0; i < count; i++) {
            int c = candidates[i];
            int at = kept;
            while (at > 0 && ranking.before(c, best[at - 1])) at--;
            if (at >= best.length) continue;
            if (kept < best.length) kept++;
            System.arraycopy(best, at, best, at + 1, kept - 1 - at);
            best[at] = c;
        }
        return best;
    }
}
