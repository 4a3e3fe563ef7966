package clippings.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentFilesTest {
    @TempDir
    Path content;

    /** A listing stays good while only files it lists were touched, in place; anything else needs a new one. */
    @Test
    void aListingIsGoodAfterEditsInPlaceOnly() throws IOException {
        Files.createDirectories(content.resolve("a"));
        Files.writeString(content.resolve("a/story.txt"), "A story\n\nIts text.\n");
        Files.writeString(content.resolve("notes.json"), "{}");
        ContentFiles listed = new ContentReader(1 << 20).scan(content);

        assertTrue(listed.listsTheSameAfter(Set.of(), content));
        Files.writeString(content.resolve("a/story.txt"), "A story\n\nIts text, edited.\n");
        assertTrue(listed.listsTheSameAfter(Set.of("a/story.txt"), content), "an input edited");
        assertTrue(listed.listsTheSameAfter(Set.of("notes.json"), content), "a skipped file edited");

        Files.writeString(content.resolve("a/new.txt"), "A new story\n\nIts text.\n");
        assertFalse(listed.listsTheSameAfter(Set.of("a/new.txt"), content), "a file added");
        assertFalse(listed.listsTheSameAfter(Set.of("a"), content), "a folder touched");
        Files.delete(content.resolve("a/story.txt"));
        assertFalse(listed.listsTheSameAfter(Set.of("a/story.txt"), content), "a file removed");
        Files.createDirectories(content.resolve("a/story.txt"));
        assertFalse(listed.listsTheSameAfter(Set.of("a/story.txt"), content), "a file replaced by a folder");
    }
}
