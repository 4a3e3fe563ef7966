package clippings.clean;

import org.jsoup.nodes.Element;

import java.util.Optional;

/**
 * Resolves the links and image sources of a page for its cleaned body: absolute addresses are kept,
 * relative ones are resolved against the page's canonical URL, or left out (and remembered, for a warning)
 * when the page names none; fragments and non-web schemes are dropped.
 * <p>Not thread-safe: one instance serves one page.
 */
final class LinkResolver {
    private final boolean absolute;
    private boolean droppedRelative;

    /** {@code absolute}: whether the page's elements carry a base URI to resolve relative addresses with. */
    LinkResolver(boolean absolute) {
        this.absolute = absolute;
    }

    /** Whether a relative link or image was left out because the page's address is unknown. */
    boolean droppedRelative() {
        return droppedRelative;
    }

    Optional<String> url(Element e, String attr) {
        String raw = e.attr(attr).strip();
        if (raw.isEmpty()) return Optional.empty();
        if (raw.startsWith("#")) return Optional.empty();
        if (raw.matches("(?i)^(https?|mailto):.*")) return Optional.of(raw);
        if (raw.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) return Optional.empty();
        if (!absolute) {
            droppedRelative = true;
            return Optional.empty();
        }
        String abs = e.absUrl(attr);
        return abs.isEmpty() ? Optional.empty() : Optional.of(abs);
    }
}
