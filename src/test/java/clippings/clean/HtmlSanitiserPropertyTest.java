package clippings.clean;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties of the sanitiser over generated hostile HTML (#8). */
class HtmlSanitiserPropertyTest {
    private static final Set<String> ALLOWED = Set.of("a", "abbr", "b", "blockquote", "br", "caption", "cite", "code",
            "dd", "del", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr",
            "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub",
            "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul");
    private final HtmlSanitiser sanitiser = new HtmlSanitiser();

    @Provide
    Arbitrary<String> hostileHtml() {
        Arbitrary<String> tag = Arbitraries.of("p", "a", "img", "script", "style", "iframe", "object", "embed", "form",
                "input", "svg", "math", "div", "span", "table", "td", "blockquote", "q", "link", "meta", "base",
                "button", "textarea", "template", "noscript", "SCRIPT", "ScRiPt", "frame", "video", "audio");
        Arbitrary<String> attr = Arbitraries.of("href", "src", "onclick", "onerror", "onload", "style", "srcdoc",
                "formaction", "action", "cite", "xlink:href", "data", "background", "ONMOUSEOVER", "title", "alt");
        Arbitrary<String> value = Arbitraries.of("javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
                "java&#115;cript:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>",
                "vbscript:x", "https://example.org/a", "http://example.org/b", "mailto:a@example.org",
                "relative/path.html", "//evil.example/x", "#frag", "alert(1)", "\"><script>alert(1)</script>",
                "expression(alert(1))", "&#106;avascript:alert(1)");
        Arbitrary<String> text = Arbitraries.strings().withChars("ab <>&\"'=/;:()").ofMaxLength(12);
        Arbitrary<String> element = Combinators.combine(tag, attr, value, text)
                .as((t, a, v, x) -> "<" + t + " " + a + "=\"" + v + "\">" + x + "</" + t + ">");
        return element.list().ofMinSize(1).ofMaxSize(8).map(l -> String.join("", l));
    }

    @Property(tries = 300, seed = "20261206")
    void cleaningIsIdempotent(@ForAll("hostileHtml") String html) {
        String once = sanitiser.sanitise(html, "https://example.org/base/");
        assertEquals(once, sanitiser.sanitise(once, "https://example.org/base/"));
    }

    @Property(tries = 300, seed = "20261206")
    void outputHoldsOnlyAllowedElementsAttributesAndSchemes(@ForAll("hostileHtml") String html) {
        String clean = sanitiser.sanitise(html, "https://example.org/base/");
        for (Element e : Jsoup.parseBodyFragment(clean).body().getAllElements()) {
            if (e.normalName().equals("body")) continue;
            assertTrue(ALLOWED.contains(e.normalName()), "element " + e.normalName() + " in " + clean);
            for (Attribute a : e.attributes()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                assertTrue(List.of("href", "src", "title", "alt", "width", "height", "cite", "datetime", "colspan",
                        "rowspan", "scope", "start", "reversed").contains(key), "attribute " + key + " in " + clean);
                if (key.equals("href") || key.equals("src") || key.equals("cite")) {
                    String v = a.getValue().toLowerCase(Locale.ROOT);
                    assertTrue(v.startsWith("https://") || v.startsWith("http://") || v.startsWith("mailto:"),
                            "scheme of " + a + " in " + clean);
                }
            }
        }
    }

    @Property(tries = 200, seed = "20261206")
    void safeUrlsAreOnlyHttp(@ForAll("hostileHtml") String anything) {
        for (Element e : Jsoup.parseBodyFragment(anything).body().select("[href]")) {
            HtmlSanitiser.safeUrl(e.attr("href")).ifPresent(u -> assertTrue(u.matches("(?i)https?://[^\\s\"<>]+"), u));
        }
    }
}
