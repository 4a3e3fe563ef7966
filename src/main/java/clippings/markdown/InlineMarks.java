package clippings.markdown;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.List;
import java.util.Set;

/**
 * Prepares a body's bold, italic and links so that the Markdown says what the HTML says (#2).
 * <p>Flexmark's converter dropped the white space at either end of a {@code <strong>}, an {@code <em>} or a
 * link's text ({@code <strong>Bold: </strong>text} came out "Bold:text"): the space is moved beside the element,
 * where it survives. And CommonMark opens or closes a run of {@code *} only where it "flanks" the text, so
 * {@code **[a link](…)**then} or {@code word**“quoted”**word} showed its asterisks instead of bold text: such a
 * mark is written as HTML tags around its Markdown instead, which renders the same. Every bold and italic is
 * written by marker elements (see {@link #MARKERS}), not by the converter, which put spaces of its own after
 * some of its asterisks.
 */
final class InlineMarks {
    /** Bold ({@code strong}, {@code b}) and italic ({@code em}, {@code i}): asterisks, or HTML where those fail. */
    private static final Set<String> DELIMITED = Set.of("strong", "b", "em", "i");
    /**
     * Empty elements the converter writes as they are (its wrapped tags), put where a mark opens and closes and
     * made its asterisks or HTML tags after ({@link #markupForMarkers}): the converter's own asterisks came
     * with spaces of their own in places ({@code <b>Bold&nbsp;word</b>art} became "Bold word art"), and a
     * wrapped element with content is written as its HTML, whose text jsoup escapes again. Bold and italic, as
     * Markdown and as HTML.
     */
    static final List<String> MARKERS = List.of("clippings-md-strong-open", "clippings-md-strong-close",
            "clippings-md-em-open", "clippings-md-em-close", "clippings-html-strong-open",
            "clippings-html-strong-close", "clippings-html-em-open", "clippings-html-em-close");
    private static final List<String> MARKUP = List.of("**", "**", "*", "*", "<strong>", "</strong>", "<em>", "</em>");
    /** Written as inline HTML by the converter (its options), or wrapped: their edges are {@code <} and {@code >}. */
    private static final Set<String> RAW = Set.of("del", "ins", "sub", "sup", "u", "strike", "kbd", "var", MARKERS.get(4),
            MARKERS.get(5), MARKERS.get(6), MARKERS.get(7));
    /** Stands for "no character here, look further". */
    private static final int NONE = -1;

    private InlineMarks() {
    }

    /** Moves edge spaces out of bold, italic and links, then puts each bold and italic between markers. */
    static void prepare(Element body) {
        List<Element> marks = body.select("strong, b, em, i, a");
        marks.removeIf(InlineMarks::inCode);
        // Innermost first: a space moved out of an <em> may then be at the edge of the <strong> around it.
        for (int i = marks.size() - 1; i >= 0; i--) {
            while (hoistSpace(marks.get(i), true)) {
                // until the start has no white space left, however many text nodes held it
            }
            while (hoistSpace(marks.get(i), false)) {
                // the same at the end
            }
        }
        for (Element e : marks) {
            if (!DELIMITED.contains(e.normalName())) continue;
            if (contentEdge(e, true) == NONE) {
                e.unwrap();  // an empty mark (an icon's <i>, say) marks nothing
                continue;
            }
            int kind = (delimitable(e) ? 0 : 4) + (e.normalName().equals("strong") || e.normalName().equals("b") ? 0 : 2);
            e.prependChild(new Element(MARKERS.get(kind)));
            e.appendChild(new Element(MARKERS.get(kind + 1)));
            e.unwrap();
        }
    }

    /**
     * Unwraps the inline elements the converter writes as their content alone (spans, small print…) and joins
     * the texts that leaves side by side: escaping then sees the text a line of Markdown starts with, which two
     * nodes could make a list item between them ({@code 2019<span>. Then</span>}).
     */
    static void flatten(Element body) {
        for (Element e : body.select("*")) {
            if (e != body && isTransparent(e) && !inCode(e) && e.parent() != null) e.unwrap();
        }
        for (Element e : body.select("*")) {
            List<Node> children = e.childNodes();
            for (int i = children.size() - 1; i > 0; i--) {
                if (children.get(i) instanceof TextNode t && children.get(i - 1) instanceof TextNode previous) {
                    previous.text(previous.getWholeText() + t.getWholeText());
                    t.remove();
                }
            }
        }
    }

    /**
     * Escapes a {@code !} that the Markdown of a link would follow: {@code Wow![a link](…)} is an image. Runs on
     * escaped text, so that the backslash is not escaped in turn, and after {@link #flatten}, so that the text
     * a link follows is the node before it.
     */
    static void escapeBangsBeforeLinks(Element body) {
        for (Element a : body.select("a")) {
            if (inCode(a) || !(a.previousSibling() instanceof TextNode before)) continue;
            String text = before.getWholeText();
            if (text.endsWith("!") && !text.endsWith("\\!")) before.text(text.substring(0, text.length() - 1) + "\\!");
        }
    }

    /** Code is written as it is, marks and spaces included. */
    private static boolean inCode(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p.normalName().equals("code") || p.normalName().equals("pre")) return true;
        }
        return false;
    }

    /** The Markdown with the markers {@link #prepare} put in made the asterisks or HTML tags they stand for. */
    static String markupForMarkers(String markdown) {
        if (!markdown.contains("<clippings-")) return markdown;
        for (int i = 0; i < MARKERS.size(); i++) {
            markdown = markdown.replace("<" + MARKERS.get(i) + "></" + MARKERS.get(i) + ">", MARKUP.get(i));
        }
        return markdown;
    }

    /**
     * Takes the white space off the element's first (or last) text and puts it beside the element, where the
     * converter keeps it. Whether there was any to move.
     */
    private static boolean hoistSpace(Element e, boolean start) {
        TextNode edge = edgeText(e, start);
        if (edge == null) return false;
        String text = edge.getWholeText();
        int cut = start ? 0 : text.length();
        if (start) {
            while (cut < text.length() && isSpace(text.charAt(cut))) cut++;
        } else {
            while (cut > 0 && isSpace(text.charAt(cut - 1))) cut--;
        }
        String space = start ? text.substring(0, cut) : text.substring(cut);
        if (space.isEmpty()) return false;
        String rest = start ? text.substring(cut) : text.substring(0, cut);
        if (rest.isEmpty()) edge.remove();
        else edge.text(rest);
        Node beside = start ? e.previousSibling() : e.nextSibling();
        if (beside instanceof TextNode t) {
            String there = t.getWholeText();
            boolean spaced = !there.isEmpty() && isSpace(start ? there.charAt(there.length() - 1) : there.charAt(0));
            if (!spaced) t.text(start ? there + space : space + there);
        } else if (start) {
            e.before(new TextNode(space));
        } else {
            e.after(new TextNode(space));
        }
        return true;
    }

    /** The text at the element's start (or end), if its content begins (or ends) with text, however deep. */
    private static TextNode edgeText(Node n, boolean start) {
        List<Node> children = n.childNodes();
        for (int i = 0; i < children.size(); i++) {
            Node c = children.get(start ? i : children.size() - 1 - i);
            if (c instanceof TextNode t) {
                if (t.getWholeText().isEmpty()) continue;
                return t;
            }
            if (!(c instanceof Element child)) continue;
            if (!isTransparent(child) && !DELIMITED.contains(child.normalName())) return null;
            TextNode inner = edgeText(child, start);
            if (inner != null || hasContent(child)) return inner;
        }
        return null;
    }

    private static boolean hasContent(Node n) {
        if (n instanceof TextNode t) return !t.getWholeText().isEmpty();
        for (Node c : n.childNodes()) if (c instanceof Element || hasContent(c)) return true;
        return false;
    }

    /**
     * Whether CommonMark reads a run of asterisks around the Markdown of a mark with content as its bold or
     * italic: the opening run must be left-flanking and the closing one right-flanking (spec 0.29, section 6.4),
     * and neither may touch another run.
     */
    private static boolean delimitable(Element e) {
        int first = contentEdge(e, true);
        int last = contentEdge(e, false);
        int before = outside(e, true);
        int after = outside(e, false);
        boolean opens = !isSpace(first) && (!isPunctuation(first) || isSpace(before) || isPunctuation(before));
        boolean closes = !isSpace(last) && (!isPunctuation(last) || isSpace(after) || isPunctuation(after));
        // Asterisks next to asterisks make one run, which CommonMark splits as it will: HTML is sure.
        boolean alone = first != '*' && last != '*' && before != '*' && after != '*';
        return opens && closes && alone;
    }

    /** The first (or last) character of the Markdown the converter writes for a node; {@link #NONE} if none. */
    private static int edge(Node n, boolean start) {
        if (n instanceof TextNode t) {
            String s = t.getWholeText();
            return s.isEmpty() ? NONE : start ? s.codePointAt(0) : s.codePointBefore(s.length());
        }
        if (!(n instanceof Element e)) return NONE;
        String name = e.normalName();
        if (name.equals("a")) return hasContent(e) ? (start ? '[' : ')') : NONE;
        if (name.equals("img")) return start ? '!' : ')';
        if (name.equals("code")) return '`';
        if (name.equals("br")) return '\n';
        if (DELIMITED.contains(name)) return hasContent(e) ? '*' : NONE;
        int marker = MARKERS.indexOf(name);
        if (marker >= 0 && marker < 4) return '*';
        if (RAW.contains(name)) return start ? '<' : '>';
        if (!isTransparent(e)) return '\n';
        return contentEdge(e, start);
    }

    /** The first (or last) character of the Markdown of an element's content; {@link #NONE} if none. */
    private static int contentEdge(Element e, boolean start) {
        List<Node> children = e.childNodes();
        for (int i = 0; i < children.size(); i++) {
            int c = edge(children.get(start ? i : children.size() - 1 - i), start);
            if (c != NONE) return c;
        }
        return NONE;
    }

    /** The character of the Markdown just before (or after) the element's; a line break at a block's edge. */
    private static int outside(Element e, boolean before) {
        for (Node s = before ? e.previousSibling() : e.nextSibling(); s != null;
             s = before ? s.previousSibling() : s.nextSibling()) {
            int c = edge(s, !before);
            if (c != NONE) return c;
        }
        Element parent = e.parent();
        if (parent == null) return '\n';
        String name = parent.normalName();
        if (name.equals("a")) return before ? '[' : ']';
        if (DELIMITED.contains(name)) return '*';
        if (RAW.contains(name)) return before ? '>' : '<';
        return isTransparent(parent) ? outside(parent, before) : '\n';
    }

    /** An inline element the converter writes as its content alone (a span, a small, a quote…). */
    private static boolean isTransparent(Element e) {
        String name = e.normalName();
        return !e.isBlock() && !DELIMITED.contains(name) && !RAW.contains(name) && !OWN_MARKDOWN.contains(name)
                && !MARKERS.contains(name);
    }

    /** Inline elements with Markdown of their own that is not a run of asterisks. */
    private static final Set<String> OWN_MARKDOWN = Set.of("a", "img", "code", "br");

    /** White space as CommonMark's flanking rules count it: Unicode's, no-break space included. */
    private static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isPunctuation(int c) {
        if (c < 128) return c > 32 && c < 127 && !Character.isLetterOrDigit(c);
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }
}
