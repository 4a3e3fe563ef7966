package clippings.build;

import clippings.model.SiteConfig;
import clippings.testing.Fixtures;
import clippings.testing.Golden;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden files for the sample archive and the shared text samples: for every input in {@code content/} and in
 * {@code src/test/resources/samples/text/}, the exact Markdown published beside its page and the exact article
 * page. {@code -Dgolden.update=true} rewrites them; review the diff.
 */
class ContentGoldenTest {
    /** Archive name → its folder and its golden folder. */
    private static final Map<String, Path[]> ARCHIVES = Map.of(
            "content", new Path[]{Fixtures.repo().resolve("content"), Fixtures.resources().resolve("golden/content")},
            "samples-text", new Path[]{Fixtures.resources().resolve("samples/text"),
                    Fixtures.resources().resolve("golden/samples-text")});
    @TempDir
    static Path tmp;
    static final Map<String, BuildReport> reports = new TreeMap<>();

    @BeforeAll
    static void buildSampleArchives() {
        ARCHIVES.forEach((name, dirs) -> reports.put(name, Fixtures.build(dirs[0], tmp.resolve(name), SiteConfig.defaults())));
    }

    static Stream<String> inputs() throws IOException {
        List<String> all = new ArrayList<>();
        for (var a : new TreeMap<>(ARCHIVES).entrySet()) {
            try (Stream<Path> files = Files.list(a.getValue()[0])) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt") || n.endsWith(".html"))
                        .sorted().forEach(n -> all.add(a.getKey() + "/" + n));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void markdownAndPageMatchGoldenFiles(String archiveAndInput) throws IOException {
        String archive = archiveAndInput.substring(0, archiveAndInput.indexOf('/'));
        String input = archiveAndInput.substring(archive.length() + 1);
        Path golden = ARCHIVES.get(archive)[1];
        Path site = tmp.resolve(archive);
        BuildReport report = reports.get(archive);
        String stem = input.substring(0, input.lastIndexOf('.'));
        var published = report.published().stream().filter(p -> p.file().equals(input)).findFirst();
        var failed = report.failed().stream().filter(p -> p.file().equals(input)).findFirst();
        if (published.isEmpty()) {
            // An input that is not published must be reported, and the report is golden too.
            assertTrue(failed.isPresent(), input + " is neither published nor failed");
            Golden.assertMatches(golden.resolve(stem + ".failed.txt"), failed.get().toString() + "\n");
            return;
        }
        String page = published.get().url();
        String md = page.substring(0, page.length() - ".html".length()) + ".md";
        Golden.assertMatches(golden.resolve(stem + ".md"), Files.readString(site.resolve(md), StandardCharsets.UTF_8));
        Golden.assertMatches(golden.resolve(stem + ".html"), Files.readString(site.resolve(page), StandardCharsets.UTF_8));
    }

    @Test
    void everyInputIsAccountedFor() {
        reports.forEach((name, report) -> {
            assertTrue(report.balances(), name + ": ledger does not balance: " + report);
            assertEquals(List.of(), report.problems(), name);
        });
    }
}
