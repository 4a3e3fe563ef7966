package clippings.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Site-wide settings, from {@code clippings.yml} and the command line; every key is optional.
 *
 * @param baseUrl  absolute URL the site is published at, ending in {@code /}; without it no absolute URL is
 *                 written anywhere (better none than a wrong one)
 * @param pageSize articles per listing page
 * @param cname    custom domain for GitHub Pages
 * @param maxInputBytes input files larger than this are reported instead of read
 * @param publish  which copies of each article are published beside its page
 */
public record SiteConfig(String title, String description, String language, Optional<String> baseUrl,
                         int pageSize, CleanRules clean, TagRules tags, Optional<String> cname, long maxInputBytes,
                         PublishRules publish) {
    public SiteConfig {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(baseUrl, "baseUrl");
        baseUrl = baseUrl.map(u -> u.endsWith("/") ? u : u + "/");
        if (pageSize < 1) throw new IllegalArgumentException("page_size must be at least 1");
        Objects.requireNonNull(clean, "clean");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(cname, "cname");
        if (maxInputBytes < 1) throw new IllegalArgumentException("max_file_size must be positive");
        Objects.requireNonNull(publish, "publish");
    }

    /** Inputs above 50 MB are almost certainly not a single article. */
    public static final long DEFAULT_MAX_INPUT_BYTES = 50L * 1024 * 1024;

    public static SiteConfig defaults() {
        return new SiteConfig("Clippings", "An archive of news clippings.", "en", Optional.empty(), 20,
                CleanRules.defaults(), TagRules.defaults(), Optional.empty(), DEFAULT_MAX_INPUT_BYTES,
                PublishRules.defaults());
    }

    public SiteConfig withBaseUrl(Optional<String> url) {
        return new SiteConfig(title, description, language, url, pageSize, clean, tags, cname, maxInputBytes, publish);
    }
}
