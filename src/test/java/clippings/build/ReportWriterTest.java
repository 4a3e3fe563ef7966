package clippings.build;

import clippings.model.Problem;
import clippings.model.Tag;
import clippings.model.TagKind;
import clippings.model.TagOrigin;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReportWriterTest {
    static {
        // As in serve and the daemon, where what one build takes is kept for the next.
        clippings.cache.ProcessMemory.keep();
    }

    @TempDir
    Path tmp;

    private static BuildReport report(List<BuildReport.Published> published) {
        Map<String, Long> phases = new LinkedHashMap<>();
        phases.put("ingest", 12L);
        return new BuildReport(published.size() + 1, published, List.of(), List.of(),
                List.of(Problem.of("bad.html", "cannot be read")), List.of(), 7, 1234, 2, List.of(), phases);
    }

    private String written(BuildReport r) throws Exception {
        Path file = tmp.resolve("report.json");
        ReportWriter.writeJson(r, file);
        return Files.readString(file);
    }

    private static String pretty(String json) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                .toJson(JsonParser.parseString(json)) + "\n";
    }

    /**
     * The report is Gson's pretty printing, whether each article's object was written now or kept from the last
     * report; an article that changed is written again.
     */
    @Test
    void theReportIsGsonsPrettyPrintingWithKeptArticlesAsWithNewOnes() throws Exception {
        var a = new BuildReport.Published("a \"quoted\" name.txt", "articles/2020/01/a.html", "UTF-8 (declared)",
                List.of(new Tag("Zoë <Ward>", TagKind.PERSON, TagOrigin.AUTOMATIC),
                        new Tag("Harbour\tBoard", TagKind.ORGANISATION, TagOrigin.PUBLISHER)));
        var b = new BuildReport.Published("b.html", "articles/2020/01/b.html", "windows-1252 (sniffed)", List.of());
        String first = written(report(List.of(a, b)));
        assertEquals(pretty(first), first);
        String again = written(report(List.of(a, b)));
        assertEquals(first, again, "kept objects give the same bytes");

        var bRetagged = new BuildReport.Published("b.html", "articles/2020/01/b.html", "windows-1252 (sniffed)",
                List.of(new Tag("Port", TagKind.PLACE, TagOrigin.FRONT_MATTER)));
        String changed = written(report(List.of(a, bRetagged)));
        assertEquals(pretty(changed), changed);
        assertEquals("Port", JsonParser.parseString(changed).getAsJsonObject().getAsJsonArray("published").get(1)
                .getAsJsonObject().getAsJsonArray("tags").get(0).getAsJsonObject().get("name").getAsString());

        String none = written(report(List.of()));
        assertEquals(pretty(none), none);
    }
}
