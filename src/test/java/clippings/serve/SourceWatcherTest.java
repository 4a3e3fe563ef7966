package clippings.serve;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The watcher sees changes in watched folders (new sub-folders too) and in the config file, and nothing else. */
class SourceWatcherTest {
    @TempDir
    Path dir;
    private final BlockingQueue<SourceWatcher.Change> changes = new LinkedBlockingQueue<>();
    private SourceWatcher watcher;

    @AfterEach
    void stop() {
        if (watcher != null) watcher.close();
    }

    private void watch(List<Path> paths) {
        watcher = new SourceWatcher(paths, Duration.ofMillis(20), changes::add);
        Thread t = new Thread(watcher, "test-watch");
        t.setDaemon(true);
        t.start();
    }

    private SourceWatcher.Change next() throws InterruptedException {
        SourceWatcher.Change c = changes.poll(60, TimeUnit.SECONDS);
        assertNotNull(c, "no change reported");
        return c;
    }

    @Test
    void reportsChangesInFoldersRecursivelyAndInTheConfigOnly() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Path config = dir.resolve("clippings.yml");
        watch(List.of(content, config));

        // A file written into a folder just created is reported, whether its event or the folder's walk sees it.
        Files.createDirectories(content.resolve("2015/01"));
        Files.writeString(content.resolve("2015/01/a.txt"), "Title\n\nBody");
        assertTrue(waitFor(content.resolve("2015/01/a.txt")), "file in a new sub-folder");
        Files.writeString(content.resolve("2015/01/b.txt"), "Title\n\nBody");
        assertTrue(waitFor(content.resolve("2015/01/b.txt")), "change in a sub-folder created while watching");

        // Beside the config: the site, its staging folders and the report must not trigger builds.
        Files.createDirectories(dir.resolve("site"));
        Files.writeString(dir.resolve("other.txt"), "x");
        Files.writeString(config, "title: T\n");
        assertTrue(waitFor(config), "config change");
        for (Path p : drain()) assertEquals(config, p);
    }

    /** Waits until a reported change names {@code path}; changes to other watched paths may come first. */
    private boolean waitFor(Path path) throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            SourceWatcher.Change c = next();
            for (Path p : c.paths()) {
                assertTrue(p.startsWith(dir.resolve("content")) || p.equals(dir.resolve("clippings.yml")),
                        "unexpected change " + p);
            }
            if (c.paths().contains(path)) return true;
        }
        return false;
    }

    private List<Path> drain() throws IOException {
        List<SourceWatcher.Change> rest = new java.util.ArrayList<>();
        changes.drainTo(rest);
        return rest.stream().flatMap(c -> c.paths().stream()).toList();
    }
}
