package clippings.taxonomy;

import clippings.model.Tag;
import clippings.model.TagRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Golden tests of automatic tags on real articles: each folder of {@code cases/tags/} holds {@code input.txt}
 * (title, blank line, body) and {@code expected.txt} (one {@code name (kind)} a line, most salient first),
 * checked by hand. {@code -Dgolden.update=true} rewrites the expected files; review the diff. See #4.
 */
class TagGoldenTest {
    static final Path CASES = Path.of("src/test/resources/cases/tags");
    private final EntityTagger tagger = new EntityTagger(TagRules.defaults());
    private final TagMerger merger = new TagMerger(TagRules.defaults());

    static Stream<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(CASES)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    /** Title and body of a case's input.txt. */
    static String[] read(String name) throws IOException {
        String text = Files.readString(CASES.resolve(name).resolve("input.txt"), StandardCharsets.UTF_8);
        String[] parts = text.split("\n", 2);
        return new String[] {parts[0].strip(), parts.length > 1 ? parts[1].strip() : ""};
    }

    static String format(List<Tag> tags) {
        return tags.stream().map(t -> t.name() + " (" + t.kind().id() + ")").collect(Collectors.joining("\n", "", "\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void tagsMatchHandCheckedList(String name) throws IOException {
        String[] in = read(name);
        List<Tag> tags = merger.merge(Map.of(name, tagger.tag(in[0], in[1]))).byArticle().get(name);
        String actual = format(tags);
        Path expected = CASES.resolve(name).resolve("expected.txt");
        if (Boolean.getBoolean("golden.update")) Files.writeString(expected, actual, StandardCharsets.UTF_8);
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual, name);
        ForbiddenTags.assertNoneForbidden(tags);
    }
}
