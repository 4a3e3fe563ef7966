package clippings.publish;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Measures a built site against GitHub Pages' limits: a published site may be at most 1 GB, and no file may
 * exceed 100 MB (GitHub refuses such files in a repository, and a Pages artifact of one fails to deploy). The
 * build warns well before the site limit, so a growing archive is split or trimmed before a deploy fails (#6);
 * the warning says how much the Markdown and captures published beside the article pages take, and the
 * {@code clippings.yml} keys that leave them out (#7).
 * <p>Immutable and thread-safe.
 */
public final class PagesLimits {
    static final long GB = 1024L * 1024 * 1024;
    static final long MB = 1024L * 1024;

    private final long siteLimit;
    private final long fileLimit;
    private final double nearShare;

    /**
     * @param siteLimit largest published site, in bytes
     * @param fileLimit largest single file, in bytes
     * @param nearShare share of the site limit from which the build warns (0.8: at 80 %)
     */
    public PagesLimits(long siteLimit, long fileLimit, double nearShare) {
        this.siteLimit = siteLimit;
        this.fileLimit = fileLimit;
        this.nearShare = nearShare;
    }

    /** GitHub Pages' documented limits, warning from 80 % of the site limit. */
    public static PagesLimits github() {
        return new PagesLimits(GB, 100 * MB, 0.8);
    }

    /** Measures {@code site} and prints the summary and any warning to {@code log}. */
    public PagesUsage report(Path site, PrintWriter log) {
        java.util.SortedMap<String, Long> sizes = new java.util.TreeMap<>();
        try (Stream<Path> tree = Files.walk(site)) {
            for (Path f : tree.filter(Files::isRegularFile).toList()) {
                sizes.put(site.relativize(f).toString().replace(java.io.File.separatorChar, '/'), Files.size(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + site, e);
        }
        return report(sizes, log);
    }

    /**
     * The same, from the sizes the build recorded as it wrote each file (site path → bytes), so a large site is
     * not walked again.
     */
    public PagesUsage report(java.util.Map<String, Long> sizes, PrintWriter log) {
        return report(sizes, Long::longValue, log);
    }

    /**
     * The same, from any record of the site's files that knows each one's size: the build's own record is read
     * as it is, not copied into a map of sizes first (40,000 entries after every edit in serve, #7).
     */
    public <T> PagesUsage report(java.util.Map<String, T> files, java.util.function.ToLongFunction<T> sizeOf,
                                 PrintWriter log) {
        // Tallied on every core: serve and the daemon report after each edit, over 40,000 files at 10,000 articles.
        Tally tally = files.entrySet().parallelStream().collect(Tally::new, (t, f) -> {
            long size = sizeOf.applyAsLong(f.getValue());
            t.bytes += size;
            String path = f.getKey();
            if (path.startsWith("articles/")) {
                if (path.endsWith(".html")) t.articles++;
                else if (path.endsWith(".md") || path.endsWith(".source.txt")) t.copies += size;
            }
            if (size > fileLimit) t.oversized.put(path, size);
        }, Tally::add);
        long bytes = tally.bytes;
        long copies = tally.copies;
        int articles = tally.articles;
        List<String> warnings = new ArrayList<>();
        java.util.SortedMap<String, Long> oversized = tally.oversized;
        // In path order, whatever order the sizes came in.
        oversized.forEach((path, size) -> warnings.add(path + " is " + human(size) + ", over GitHub Pages' "
                + human(fileLimit) + " limit for one file"));
        if (bytes > siteLimit) {
            warnings.add("the site is " + human(bytes) + ", over GitHub Pages' " + human(siteLimit)
                    + " limit: the deploy will fail" + lessToPublish(copies));
        } else if (bytes >= siteLimit * nearShare) {
            warnings.add("the site is " + human(bytes) + ", near GitHub Pages' " + human(siteLimit) + " limit"
                    + lessToPublish(copies));
        }
        PagesUsage usage = new PagesUsage(files.size(), bytes, articles, warnings);
        log.println(usage.summary());
        for (String w : warnings) log.println("warning: " + w);
        log.flush();
        return usage;
    }

    /** Sums over some of the site's files. */
    private static final class Tally {
        long bytes;
        long copies;
        int articles;
        final java.util.SortedMap<String, Long> oversized = new java.util.TreeMap<>();

        void add(Tally other) {
            bytes += other.bytes;
            copies += other.copies;
            articles += other.articles;
            oversized.putAll(other.oversized);
        }
    }

    /** What leaving out the copies beside the article pages would save, when there are any. */
    private static String lessToPublish(long copies) {
        if (copies == 0) return "";
        return "; the Markdown and original captures beside the article pages take " + human(copies)
                + ", and 'publish: {markdown: false, captures: false}' in clippings.yml leaves them out";
    }

    static String human(long bytes) {
        if (bytes >= GB) return String.format(Locale.ROOT, "%.2f GB", bytes / (double) GB);
        if (bytes >= MB) return String.format(Locale.ROOT, "%.1f MB", bytes / (double) MB);
        if (bytes >= 1024) return String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0);
        return bytes + " bytes";
    }
}
