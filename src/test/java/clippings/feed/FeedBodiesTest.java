package clippings.feed;

import clippings.model.Article;
import clippings.model.ArticleBody;
import clippings.model.ArticleMeta;
import clippings.model.BodyRef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FeedBodiesTest {
    private final AtomicInteger loads = new AtomicInteger();

    /** An article whose body counts how often it is loaded, as the body store would read it from disk. */
    private Article article(String id, String html) {
        ArticleBody body = new ArticleBody("", html, "");
        BodyRef ref = BodyRef.stored(BodyRef.digestOf(body), () -> {
            loads.incrementAndGet();
            return body;
        });
        ArticleMeta meta = new ArticleMeta(id, Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        return new Article(id, id + ".txt", "00".repeat(32), meta, List.of(), ref, Optional.empty());
    }

    @Test
    void loadsABodyShownByThreeFeedsOnce() {
        Article a = article("a", "<p>Tom & Jerry</p>");
        FeedBodies bodies = new FeedBodies(List.of(a.body().digest(), a.body().digest(), a.body().digest()), 1_000);
        for (int i = 0; i < 3; i++) assertEquals("&lt;p&gt;Tom &amp; Jerry&lt;/p&gt;", bodies.escaped(a));
        assertEquals(1, loads.get());
    }

    @Test
    void neverKeepsABodyShownOnceOrAfterItsLastUse() {
        Article once = article("once", "<p>one</p>");
        Article twice = article("twice", "<p>two</p>");
        FeedBodies bodies = new FeedBodies(List.of(once.body().digest(), twice.body().digest(), twice.body().digest()),
                1_000);
        bodies.escaped(once);
        bodies.escaped(once); // not counted: loaded again
        bodies.escaped(twice);
        bodies.escaped(twice);
        bodies.escaped(twice); // past its last counted use: loaded again
        assertEquals(4, loads.get());
    }

    /** Memory stays bounded: past the limit the least recently used body is dropped and loaded again. */
    @Test
    void dropsTheLeastRecentlyUsedBodyPastTheLimit() {
        Article a = article("a", "<p>aaaa</p>");
        Article b = article("b", "<p>bbbb</p>");
        String da = a.body().digest(), db = b.body().digest();
        FeedBodies bodies = new FeedBodies(List.of(da, db, da, db), 30); // room for one escaped body
        bodies.escaped(a);
        bodies.escaped(b); // a is dropped
        bodies.escaped(a); // loaded again
        assertEquals(3, loads.get());
    }
}
