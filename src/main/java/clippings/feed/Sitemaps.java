package clippings.feed;

import clippings.cache.Digests;
import clippings.model.OutputFile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes {@code sitemap.xml} (sitemaps.org 0.9). Up to {@code maxUrls} URLs it is a single sitemap; above, it
 * is a sitemap index of {@code sitemaps/N.xml} files of at most {@code maxUrls} URLs each (the protocol's limit
 * is 50,000). Sitemaps need absolute URLs, so they are written only when the base URL is known.
 * <p>Immutable and thread-safe.
 */
final class Sitemaps {
    static final int MAX_URLS = 50_000;
    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private final String baseUrl;
    private final int maxUrls;

    Sitemaps(String baseUrl, int maxUrls) {
        this.baseUrl = baseUrl;
        this.maxUrls = maxUrls;
    }

    /** One page of the site and, when known, the day it last changed. */
    record Url(String path, Optional<LocalDate> lastmod) {
    }

    /**
     * The sitemap files for {@code urls}, as pending files named by a digest of the URLs: with a base URL set,
     * making the sitemap of 13,500 URLs again after every edit was 40 % of an edit's feeds phase in serve, and
     * most edits leave every URL and date as they were (#7).
     */
    List<OutputFile> write(List<Url> urls) {
        List<String> paths = new ArrayList<>(urls.size());
        // Days by number: writing 10,000 days out as text took as long as the rest of the digest.
        long[] days = new long[urls.size()];
        for (int i = 0; i < days.length; i++) {
            Url u = urls.get(i);
            paths.add(u.path());
            days[i] = u.lastmod().isPresent() ? u.lastmod().get().toEpochDay() : Long.MIN_VALUE;
        }
        String digest = Digests.of("sitemap", baseUrl, maxUrls, paths, days);
        if (urls.size() <= maxUrls) {
            return List.of(OutputFile.pendingUtf8("sitemap.xml", digest, () -> urlset(urls)));
        }
        List<OutputFile> out = new ArrayList<>();
        StringBuilder index = new StringBuilder();
        index.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"").append(NS).append("\">\n");
        for (int i = 0, n = 1; i < urls.size(); i += maxUrls, n++) {
            String path = "sitemaps/" + n + ".xml";
            List<Url> part = urls.subList(i, Math.min(urls.size(), i + maxUrls));
            out.add(OutputFile.pendingUtf8(path, Digests.of(digest, path), () -> urlset(part)));
            index.append("  <sitemap><loc>").append(Xml.escape(baseUrl + path)).append("</loc></sitemap>\n");
        }
        index.append("</sitemapindex>\n");
        out.add(0, OutputFile.utf8("sitemap.xml", index.toString()));
        return out;
    }

    private String urlset(List<Url> urls) {
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"").append(NS).append("\">\n");
        for (Url u : urls) {
            String path = u.path().equals("index.html") ? "" : u.path().endsWith("/index.html")
                    ? u.path().substring(0, u.path().length() - "index.html".length()) : u.path();
            x.append("  <url><loc>").append(Xml.escape(baseUrl + path)).append("</loc>");
            u.lastmod().ifPresent(d -> x.append("<lastmod>").append(d).append("</lastmod>"));
            x.append("</url>\n");
        }
        x.append("</urlset>\n");
        return x.toString();
    }
}
