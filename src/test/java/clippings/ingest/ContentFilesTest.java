package clippings.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentFilesTest {
    @TempDir
    Path content;

    private final ContentReader reader = new ContentReader(1 << 20);

    /**
     * A listing stays good while only files it lists were touched, in place; a scrape or Markdown file added or
     * deleted alone is taken in; anything else needs a new listing.
     */
    @Test
    void aListingIsUpdatedByTheUsualEditsOnly() throws IOException {
        Files.createDirectories(content.resolve("a"));
        Files.writeString(content.resolve("a/story.txt"), "A story\n\nIts text.\n");
        Files.writeString(content.resolve("notes.json"), "{}");
        ContentFiles listed = reader.scan(content);

        assertSame(listed, listed.afterTouches(Set.of(), content).orElseThrow());
        Files.writeString(content.resolve("a/story.txt"), "A story\n\nIts text, edited.\n");
        assertSame(listed, listed.afterTouches(Set.of("a/story.txt"), content).orElseThrow(), "an input edited");
        assertSame(listed, listed.afterTouches(Set.of("notes.json"), content).orElseThrow(), "a skipped file edited");

        Files.writeString(content.resolve("a/new.txt"), "A new story\n\nIts text.\n");
        assertEquals(Optional.of(reader.scan(content)), listed.afterTouches(Set.of("a/new.txt"), content), "a file added");
        assertTrue(listed.afterTouches(Set.of("a"), content).isEmpty(), "a folder touched");
        Files.writeString(content.resolve("a/new.md"), "---\ntitle: New\n---\nText.\n");
        assertTrue(listed.afterTouches(Set.of("a/new.txt", "a/new.md"), content).isEmpty(),
                "a Markdown file beside a scrape of its name");
        Files.writeString(content.resolve("a/new.json"), "{}");
        assertTrue(listed.afterTouches(Set.of("a/new.json"), content).isEmpty(), "a file of another kind added");
        Files.delete(content.resolve("a/story.txt"));
        ContentFiles now = reader.scan(content);
        assertEquals(Optional.of(now), listed.afterTouches(Set.of("a/story.txt"), content)
                .flatMap(l -> l.afterTouches(Set.of("a/new.txt", "a/new.md", "a/new.json"), content))
                .or(() -> Optional.of(reader.scan(content))));
        Files.createDirectories(content.resolve("a/story.txt"));
        assertTrue(listed.afterTouches(Set.of("a/story.txt"), content).isEmpty(), "a file replaced by a folder");
    }

    /** Over random additions and deletions, an updated listing, or else a new one, is what a listing finds. */
    @Test
    void updatedListingsAreWhatAListingFinds() throws IOException {
        Random random = new Random(20261207);
        List<String> names = List.of("a.txt", "a.md", "b.html", "b.htm", "c.txt", "d.md", "e.json", "sub/f.txt",
                "sub/f.md", "sub/g.html", "other/h.txt");
        ContentFiles listed = reader.scan(content);
        int updated = 0;
        for (int step = 0; step < 300; step++) {
            List<String> touched = new ArrayList<>();
            for (int k = 1 + random.nextInt(2); k > 0; k--) {
                String name = names.get(random.nextInt(names.size()));
                Path file = content.resolve(name);
                if (Files.exists(file)) {
                    Files.delete(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, "Title " + step + "\n\nText.\n");
                }
                touched.add(name);
            }
            Optional<ContentFiles> again = listed.afterTouches(Set.copyOf(touched), content);
            ContentFiles scanned = reader.scan(content);
            if (again.isPresent()) {
                updated++;
                assertEquals(scanned, again.get(), "step " + step + ": " + touched);
            }
            listed = scanned;
        }
        assertTrue(updated > 50, "most single additions and deletions are taken in: " + updated);
    }
}
