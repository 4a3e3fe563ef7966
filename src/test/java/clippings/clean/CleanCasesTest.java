package clippings.clean;

import clippings.model.ArticleDate;
import clippings.model.ArticleMeta;
import clippings.model.CleanRules;
import clippings.model.Extraction;
import clippings.model.InputException;
import clippings.model.InputFormat;
import clippings.model.RawArticle;
import clippings.model.Tag;
import com.google.gson.GsonBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Golden cases of the clean stage: each folder of {@code src/test/resources/cases/clean/} holds an input page
 * ({@code input.html}, {@code input.html.gz} or {@code input.txt}) and what the cleaner must make of it: the
 * body as plain text ({@code expected.txt}) and the metadata ({@code expected-meta.json}), or, for an input
 * that holds no article, the reason ({@code expected-error.txt}). Run with {@code -Dgolden.update=true} to
 * rewrite the expected files, then review the diff.
 */
class CleanCasesTest {
    private static final Path CASES = Path.of("src/test/resources/cases/clean");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private final ArticleCleaner cleaner = new ArticleCleaner(CleanRules.defaults(), new HtmlSanitiser());

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(CASES)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void cleansAsExpected(String name) throws IOException {
        Path dir = CASES.resolve(name);
        RawArticle raw = input(dir);
        String text;
        String meta;
        try {
            Extraction x = cleaner.extract(raw);
            text = PlainText.of(x.article().bodyHtml()) + "\n";
            meta = json(x);
        } catch (InputException e) {
            check(dir.resolve("expected-error.txt"), e.getMessage() + "\n");
            return;
        }
        check(dir.resolve("expected.txt"), text);
        check(dir.resolve("expected-meta.json"), meta);
    }

    private static RawArticle input(Path dir) throws IOException {
        for (String name : List.of("input.html", "input.html.gz", "input.txt")) {
            Path p = dir.resolve(name);
            if (!Files.exists(p)) continue;
            byte[] bytes;
            try (InputStream in = name.endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(p)) : Files.newInputStream(p)) {
                bytes = in.readAllBytes();
            }
            InputFormat format = name.startsWith("input.txt") ? InputFormat.TEXT : InputFormat.HTML;
            return new RawArticle(dir.getFileName() + "/" + name, format, new String(bytes, StandardCharsets.UTF_8),
                    "-", "UTF-8");
        }
        throw new IllegalStateException("no input.html, input.html.gz or input.txt in " + dir);
    }

    private static void check(Path expected, String actual) throws IOException {
        if (UPDATE) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual, expected.toString());
    }

    private static String json(Extraction x) {
        ArticleMeta m = x.article().meta();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", m.title());
        out.put("description", m.description().orElse(null));
        out.put("authors", m.authors());
        out.put("date", m.date().map(ArticleDate::iso).orElse(null));
        out.put("dateSource", x.dateSource().orElse(null));
        out.put("modified", x.modified().map(ArticleDate::iso).orElse(null));
        out.put("siteName", m.source().orElse(null));
        out.put("url", m.url().orElse(null));
        out.put("image", m.image().orElse(null));
        out.put("language", m.language().orElse(null));
        out.put("tags", x.article().tags().stream().map(Tag::name).toList());
        out.put("warnings", x.article().warnings());
        return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(out) + "\n";
    }
}
