package clippings.render.view;

import java.util.Optional;

/**
 * What a page's {@code <head>} says about it to crawlers and feed readers. Absolute URLs are present only when
 * the site's base URL is known; without one they are left out, never guessed.
 *
 * @param canonical   the page's absolute URL
 * @param description the page's own description, else the site's
 * @param ogType      {@code article} or {@code website}
 * @param image       absolute URL of an image for link previews
 * @param jsonLd      structured data, already escaped for a {@code <script>} element
 * @param feedHref    the Atom feed that matches the page, relative to it
 */
public record HeadView(Optional<String> canonical, String description, String ogType, Optional<String> image,
                       Optional<String> jsonLd, String feedHref) {
}
