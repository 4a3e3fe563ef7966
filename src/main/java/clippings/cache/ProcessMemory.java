package clippings.cache;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a process keeps from one build for the next. serve and the build daemon build one archive again and
 * again, and several stages keep the last build's work while its inputs are equal (entry and summary digests,
 * search shards, data-file rows, report entries); each is a pure function of what it is kept for, so a build
 * gives the same site with or without it (#7). A one-shot build keeps nothing: no next build would use it.
 * <p>Thread-safe.
 */
public final class ProcessMemory {
    /**
     * Past this many articles, nothing is kept: the work would hold on to hundreds of megabytes for builds that
     * run minutes apart.
     */
    static final int MAX_ARTICLES = 20_000;
    private static volatile boolean keeping;
    private static final List<Runnable> forgetting = new CopyOnWriteArrayList<>();

    private ProcessMemory() {
    }

    /** Whether builds of this process keep their work for the next one. */
    public static boolean keeping() {
        return keeping;
    }

    /** Whether a build of an archive of this many articles keeps its work for the next. */
    public static boolean keeps(int articles) {
        return keeping && articles <= MAX_ARTICLES;
    }

    /** Makes builds keep their work for the next: for processes that build more than once (serve, the daemon). */
    public static void keep() {
        keeping = true;
    }

    /** Registers how a holder of kept work forgets it (each holder calls it once, when it is made). */
    public static void onForget(Runnable forget) {
        forgetting.add(forget);
    }

    /**
     * Forgets all that is kept: the next build starts from nothing, as in a new process. Tests that compare an
     * incremental build with a clean one call it, so that the clean one owes nothing to the other.
     */
    public static void forget() {
        forgetting.forEach(Runnable::run);
    }
}
