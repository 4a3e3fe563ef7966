package clippings.taxonomy;

import clippings.model.Article;
import clippings.model.CanonicalUrl;

import java.util.Locale;
import java.util.Optional;

/**
 * Gives each article its identity and its page path. Both depend only on the article itself, never on the
 * other articles or on input order, so adding or removing articles never moves an existing page.
 * <p>Immutable and thread-safe.
 */
public final class Permalinks {
    /** Hex digits of the id that every article slug ends with. */
    static final int SUFFIX = 6;

    private final Slugger slugger;

    public Permalinks(Slugger slugger) {
        this.slugger = slugger;
    }

    /**
     * A stable id: from the canonical URL when the capture names one (two captures of one story share it),
     * otherwise from the input's path without extension (so a {@code .md} correction keeps its scrape's id).
     */
    public static String id(Optional<String> url, String origin) {
        String key = url.map(CanonicalUrl::normalise).map(u -> "url:" + u)
                .orElseGet(() -> "file:" + withoutExtension(origin));
        return Slugger.shortHash(key, 16);
    }

    /** An id from the input's full path, extension included: for a second story whose stem id is taken. */
    public static String idOfFullPath(String origin) {
        return Slugger.shortHash("path:" + origin, 16);
    }

    /**
     * The page of an article: {@code articles/YYYY/MM/<title-slug>-<id>.html}, or
     * {@code articles/undated/…}. The id suffix is always there: were it added only on a collision, the first
     * article's URL would change when a second one with the same title arrived.
     */
    public String path(Article article) {
        String folder = article.meta().date().map(d -> monthFolder(d.day())).orElse("articles/undated/");
        // A slug from front matter is slugged too: "../../x" or "con" must still make a safe file name.
        String slug = slugger.slug(article.slug().orElse(article.meta().title()), "article");
        return folder + slug + "-" + article.id().substring(0, SUFFIX) + ".html";
    }

    /** {@code articles/YYYY/MM/}, without {@code String.format} for the usual years: it runs for every article of every build. */
    private static String monthFolder(java.time.LocalDate day) {
        int year = day.getYear();
        int month = day.getMonthValue();
        if (year < 1000 || year > 9999) return String.format(Locale.ROOT, "articles/%04d/%02d/", year, month);
        return "articles/" + year + "/" + (month < 10 ? "0" : "") + month + "/";
    }

    private static String withoutExtension(String origin) {
        int slash = origin.lastIndexOf('/');
        int dot = origin.lastIndexOf('.');
        return dot > slash + 1 ? origin.substring(0, dot) : origin;
    }
}
