package clippings.model;

/**
 * The form of a canonical URL that identifies a story: without scheme, {@code www.}, fragment or trailing slash,
 * so {@code https://www.example.com/story/} and {@code http://example.com/story} are one story. Used for
 * article ids and for finding duplicates, which must agree.
 */
public final class CanonicalUrl {
    private CanonicalUrl() {
    }

    public static String normalise(String url) {
        String u = url.strip().replaceFirst("(?i)^https?://", "").replaceFirst("(?i)^www\\.", "")
                .replaceFirst("#.*$", "");
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
