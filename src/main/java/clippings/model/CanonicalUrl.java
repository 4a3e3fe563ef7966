package clippings.model;

/**
 * The form of a canonical URL that identifies a story: without scheme, {@code www.}, fragment or trailing slash,
 * so {@code https://www.example.com/story/} and {@code http://example.com/story} are one story. Used for
 * article ids and for finding duplicates, which must agree.
 */
public final class CanonicalUrl {
    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("(?i)^https?://");
    private static final java.util.regex.Pattern WWW = java.util.regex.Pattern.compile("(?i)^www\\.");
    private static final java.util.regex.Pattern FRAGMENT = java.util.regex.Pattern.compile("#.*$");

    private CanonicalUrl() {
    }

    public static String normalise(String url) {
        String u = SCHEME.matcher(url.strip()).replaceFirst("");
        u = FRAGMENT.matcher(WWW.matcher(u).replaceFirst("")).replaceFirst("");
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
