package clippings.feed;

import clippings.model.OutputFile;

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

    /** One page of the site and, when known, the day it last changed ({@code YYYY-MM-DD}). */
    record Url(String path, Optional<String> lastmod) {
    }

    List<OutputFile> write(List<Url> urls) {
        if (urls.size() <= maxUrls) return List.of(OutputFile.utf8("sitemap.xml", urlset(urls)));
        List<OutputFile> out = new ArrayList<>();
        StringBuilder index = new StringBuilder();
        index.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"").append(NS).append("\">\n");
        for (int i = 0, n = 1; i < urls.size(); i += maxUrls, n++) {
            String path = "sitemaps/" + n + ".xml";
            out.add(OutputFile.utf8(path, urlset(urls.subList(i, Math.min(urls.size(), i + maxUrls)))));
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
