package clippings.feed;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parses a feed and checks what RFC 4287 requires of it (the Atom namespace; exactly one {@code id}, {@code title}
 * and {@code updated} on the feed and on each entry, as RFC 3339 times; an author for every entry), then gives its
 * times and titles to the test.
 */
record AtomFeedCheck(String updated, List<String> titles, List<String> entryUpdated, List<String> entryPublished) {
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    static AtomFeedCheck parse(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element feed = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        assertEquals(ATOM, feed.getNamespaceURI());
        assertEquals("feed", feed.getLocalName());
        one(feed, "id");
        one(feed, "title");
        String updated = rfc3339(one(feed, "updated"));
        boolean feedAuthor = !children(feed, "author").isEmpty();
        List<String> titles = new ArrayList<>();
        List<String> entryUpdated = new ArrayList<>();
        List<String> published = new ArrayList<>();
        for (Element entry : children(feed, "entry")) {
            one(entry, "id");
            titles.add(one(entry, "title"));
            entryUpdated.add(rfc3339(one(entry, "updated")));
            for (Element p : children(entry, "published")) published.add(rfc3339(p.getTextContent()));
            assertTrue(children(entry, "published").size() <= 1);
            assertTrue(feedAuthor || !children(entry, "author").isEmpty(), "entry without author");
            assertFalse(children(entry, "content").isEmpty(), "entry without content");
        }
        return new AtomFeedCheck(updated, titles, entryUpdated, published);
    }

    private static String rfc3339(String s) {
        OffsetDateTime.parse(s);  // throws when it is not a date-time with an offset
        return s;
    }

    private static String one(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertEquals(1, found.size(), "exactly one atom:" + name + " in " + parent.getLocalName());
        return found.get(0).getTextContent();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)) out.add(e);
        }
        return out;
    }
}
