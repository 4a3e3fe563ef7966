package clippings.clean;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Who published a scrape, as far as it tells: the site's name ({@code Site icon NAME}, {@code og:site_name})
 * and the host of its address. A per-source rule of {@code clippings.yml} applies when its key is the site's
 * name (ignoring case) or the host or a parent domain of it ({@code bbc.co.uk} covers {@code www.bbc.co.uk}).
 */
record SourceIdentity(Optional<String> site, Optional<String> host) {
    static final SourceIdentity UNKNOWN = new SourceIdentity(Optional.empty(), Optional.empty());

    static SourceIdentity of(Optional<String> site, Optional<String> url) {
        return new SourceIdentity(site.map(String::strip).filter(s -> !s.isEmpty()), url.flatMap(SourceIdentity::hostOf));
    }

    boolean matches(String key) {
        String k = key.strip().toLowerCase(Locale.ROOT);
        if (site.isPresent() && site.get().toLowerCase(Locale.ROOT).equals(k)) return true;
        return host.isPresent() && (host.get().equals(k) || host.get().endsWith("." + k));
    }

    private static Optional<String> hostOf(String url) {
        try {
            return Optional.ofNullable(URI.create(url.strip()).getHost()).map(h -> h.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
