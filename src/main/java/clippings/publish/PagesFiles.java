package clippings.publish;

import clippings.model.OutputFile;
import clippings.model.SiteConfig;

import java.util.Locale;
import java.util.Optional;

/**
 * The files GitHub Pages reads from the site itself: {@code CNAME}, when {@code clippings.yml} names a custom
 * domain. ({@code .nojekyll} is written by the build for every site.)
 * <p>Stateless and thread-safe.
 */
public final class PagesFiles {
    private PagesFiles() {
    }

    /**
     * The {@code CNAME} file for the configured domain; a URL is reduced to its host, since that is what
     * people paste.
     *
     * @throws IllegalArgumentException when {@code cname} is not a domain name
     */
    public static Optional<OutputFile> cname(SiteConfig config) {
        return config.cname().map(PagesFiles::domain).map(d -> OutputFile.utf8("CNAME", d + "\n"));
    }

    static String domain(String cname) {
        String d = cname.strip().replaceFirst("(?i)^https?://", "").replaceFirst("/+$", "").toLowerCase(Locale.ROOT);
        if (!d.matches("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}")) {
            throw new IllegalArgumentException("cname '" + cname + "' is not a domain name (e.g. archive.example.org)");
        }
        return d;
    }
}
