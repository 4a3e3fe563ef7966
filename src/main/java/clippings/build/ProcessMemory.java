package clippings.build;

import clippings.cache.EntryDigests;
import clippings.feed.FeedWriter;
import clippings.search.SearchIndexer;

/**
 * What a process keeps from one build for the next: serve and the build daemon build one archive again and
 * again, and several stages keep the last build's work while its inputs are equal (entry digests, search shards,
 * data-file rows, report entries). Each is a pure function of what it is kept for, so a build gives the same
 * site with or without them (#7).
 */
public final class ProcessMemory {
    private ProcessMemory() {
    }

    /**
     * Forgets all of it: the next build of this process starts from nothing, as a new process would. Tests that
     * compare an incremental build with a clean one call it, so that the clean one owes nothing to the other.
     */
    public static void forget() {
        EntryDigests.forgetKept();
        SearchIndexer.forgetKept();
        FeedWriter.forgetKept();
        ReportWriter.forgetKept();
    }
}
