package clippings.clean;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Finds the caption of a page's lead image (#5): the {@code <figcaption>} of the figure that shows it on the
 * page, else the {@code caption} of the article's JSON-LD {@code ImageObject}, else the image's description
 * ({@code og:image:alt}, {@code twitter:image:alt}). The figure is matched by the image's file name, since pages
 * show the lead image at another size than the one they name in {@code og:image}.
 * <p>Stateless and thread-safe.
 */
final class LeadImageCaption {
    /** Screen-reader labels that publishers put inside the caption ("Image caption", "Media caption", "Image:"). */
    private static final Pattern LABEL = Pattern.compile(
            "(?i)^(?:(?:image|photo|picture|media|video)\\s*caption\\s*:?|caption\\s*:|(?:image|photo|picture)\\s*:)\\s*");
    private static final int MAX_CHARS = 600;

    private LeadImageCaption() {
    }

    static Optional<String> find(Document doc, JsonLd ld, Function<String, Optional<String>> meta,
                                 Optional<String> image, Optional<String> site) {
        if (image.isEmpty()) return Optional.empty();
        return figureCaption(doc, fileName(image.get()))
                .or(ld::imageCaption)
                .or(() -> meta.apply("og:image:alt"))
                .or(() -> meta.apply("twitter:image:alt"))
                .map(c -> withoutSiteName(HeadlineFinder.clean(LABEL.matcher(HeadlineFinder.clean(c)).replaceFirst("")), site))
                .filter(c -> !c.isEmpty() && c.length() <= MAX_CHARS);
    }

    private static Optional<String> figureCaption(Document doc, String fileName) {
        if (fileName.isEmpty()) return Optional.empty();
        for (Element figure : doc.select("figure:has(figcaption)")) {
            for (Element img : figure.select("img, source")) {
                String refs = img.attr("src") + " " + img.attr("data-src") + " " + img.attr("srcset");
                if (refs.contains("/" + fileName)) {
                    return Optional.of(figure.selectFirst("figcaption").text());
                }
            }
        }
        return Optional.empty();
    }

    /** {@code BBC News. Taylor Swift} → {@code Taylor Swift}: the site's name is no part of the caption. */
    private static String withoutSiteName(String caption, Optional<String> site) {
        if (site.isEmpty()) return caption;
        String prefix = site.get().toLowerCase(Locale.ROOT);
        String lower = caption.toLowerCase(Locale.ROOT);
        if (!lower.startsWith(prefix)) return caption;
        String rest = caption.substring(prefix.length()).replaceFirst("^\\s*[.:|–-]\\s*", "");
        return rest.length() < caption.length() - prefix.length() ? rest : caption;
    }

    /** The last path segment without query: {@code …/1024/…/_109740197_taylorswift.jpg?x} → {@code _109740197_taylorswift.jpg}. */
    static String fileName(String url) {
        String path = url.replaceFirst("[?#].*$", "");
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.contains(".") ? name : "";
    }
}
