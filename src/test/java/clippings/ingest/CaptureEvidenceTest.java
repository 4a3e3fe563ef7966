package clippings.ingest;

import clippings.model.InputFormat;
import clippings.model.RawArticle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The capture time comes from what the capture (or its sidecar) says, never from the file system (#5). */
class CaptureEvidenceTest {
    @TempDir
    Path dir;

    private static Optional<String> found(InputFormat format, String text) {
        return CaptureEvidence.find(format, text).map(d -> d.iso());
    }

    @Test
    void readsWhatCaptureToolsWriteIntoTheFile() {
        assertEquals(Optional.of("2019-11-21T10:15:23+01:00"), found(InputFormat.HTML, """
                <!DOCTYPE html> <html lang="en"><!--
                 Page saved with SingleFile\s
                 url: https://news.example/story\s
                 saved date: Thu Nov 21 2019 10:15:23 GMT+0100 (Central European Standard Time)
                --><head><title>T</title></head><body><p>x</p></body></html>"""));
        assertEquals(Optional.of("2019-11-21T09:15:23Z"), found(InputFormat.HTML, """
                <html>
                <!-- Mirrored from news.example/story.html by HTTrack Website Copier/3.x [XR&CO'2014], Thu, 21 Nov 2019 09:15:23 GMT -->
                <head><title>T</title></head></html>"""));
        assertEquals(Optional.of("2019-11-21T09:15:23Z"), found(InputFormat.HTML,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nDate: Thu, 21 Nov 2019 09:15:23 GMT\r\n\r\n<html></html>"));
        assertEquals(Optional.of("2019-11-21T10:15:23+01:00"), found(InputFormat.HTML,
                "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.example/\r\n"
                        + "Date: Thu, 21 Nov 2019 10:15:23 +0100\r\nMIME-Version: 1.0\r\n\r\n<html></html>"));
        assertEquals(Optional.of("2019-11-21T09:15:23Z"), found(InputFormat.TEXT,
                "Captured: 2019-11-21T09:15:23Z\nSource: https://news.example/\n\nHeadline\n\nBody."));
        assertEquals(Optional.of("2019-11-21"), found(InputFormat.TEXT, "Retrieved on: 2019-11-21\n\nHeadline\n\nBody."));
    }

    /** A text dump's header is one of its first six lines, whatever ends them. */
    @Test
    void aTextDumpsHeaderIsAmongItsFirstSixLines() {
        String header = "Saved at: 2019-11-21";
        for (int before = 0; before < 8; before++) {
            for (String end : new String[]{"\n", "\r\n"}) {
                String text = "x".repeat(900) + end;
                text = text.repeat(before) + header + end + "Body.";
                assertEquals(before < 6 ? Optional.of("2019-11-21") : Optional.empty(), found(InputFormat.TEXT, text),
                        before + " lines before, ended by " + end.length() + " characters");
            }
        }
        assertEquals(Optional.of("2019-11-21"), found(InputFormat.TEXT, "\n\n" + header));
        assertEquals(Optional.empty(), found(InputFormat.TEXT, ""));
    }

    @Test
    void theToolsNamesAreFoundInAnyCase() {
        assertEquals(Optional.of("2019-11-21T09:15:23Z"), found(InputFormat.HTML,
                "<html><!-- mirrored from news.example/a by httrack WEBSITE copier/3.x [x], 2019-11-21T09:15:23Z --></html>"));
        assertEquals(true, CaptureEvidence.containsIgnoringCase("a SiNgLeFiLe b", "singlefile"));
        assertEquals(true, CaptureEvidence.containsIgnoringCase("SINGLEFILE", "singlefile"));
        assertEquals(false, CaptureEvidence.containsIgnoringCase("singlefil", "singlefile"));
        assertEquals(false, CaptureEvidence.containsIgnoringCase("single file", "singlefile"));
    }

    @Test
    void saysNothingWithoutEvidence() {
        // A Date: line in a text scrape is the article's dateline, not a capture header.
        assertEquals(Optional.empty(), found(InputFormat.TEXT, "Headline\n\nDate: 7 January 2015\n\nBody."));
        assertEquals(Optional.empty(), found(InputFormat.TEXT, "Headline\n\nBody.\n\nCaptured: 2019-11-21"
                .replace("Body.", "Body.\n\n1\n\n2\n\n3\n\n4\n\n5\n\n6")));
        assertEquals(Optional.empty(), found(InputFormat.HTML, "<html><body><p>Date: Thu, 21 Nov 2019 09:15:23 GMT</p></body></html>"));
        assertEquals(Optional.empty(), found(InputFormat.HTML, "<!-- saved from url=(0023)https://news.example/ --><html></html>"));
        assertEquals(Optional.empty(), found(InputFormat.TEXT, "Captured: sometime last week\n\nHeadline"));
        assertEquals(Optional.empty(), found(InputFormat.MARKDOWN, "Captured: 2019-11-21\n\n# Title"));
    }

    @Test
    void contentReaderTakesTheFileFirstThenItsSidecarAndNeverTheFileTime() throws IOException {
        Files.createDirectories(dir.resolve("html"));
        Files.writeString(dir.resolve("SOURCES.tsv"), "file\turl\tcaptured_at\n"
                + "html/a.html\thttps://a.example/\t2020-02-03T04:05:06Z\n"
                + "html/singlefile.html\t-\t2001-01-01T00:00:00Z\n"
                + "html/bad.html\t-\tnot a time\n");
        Files.writeString(dir.resolve("html/SOURCES.tsv"), "file\tcaptured\nc.html\t2021-05-06\n");
        Files.writeString(dir.resolve("html/a.html"), "<html><body><p>a</p></body></html>");
        Files.writeString(dir.resolve("html/c.html"), "<html><body><p>c</p></body></html>");
        Files.writeString(dir.resolve("html/bad.html"), "<html><body><p>bad</p></body></html>");
        Files.writeString(dir.resolve("html/none.html"), "<html><body><p>none</p></body></html>");
        Files.writeString(dir.resolve("html/singlefile.html"), "<html><!--\n Page saved with SingleFile \n"
                + " saved date: Sun Mar 01 2020 18:12:52 GMT-0500 (Eastern Standard Time)\n--><body><p>s</p></body></html>");
        Map<String, Optional<String>> captured = new TreeMap<>();
        for (RawArticle raw : new ContentReader(1_000_000).read(dir).inputs()) {
            captured.put(raw.origin(), raw.captured().map(d -> d.iso()));
        }
        assertEquals(Map.of("html/a.html", Optional.of("2020-02-03T04:05:06Z"),
                "html/bad.html", Optional.empty(),
                "html/c.html", Optional.of("2021-05-06"),
                "html/none.html", Optional.empty(),
                "html/singlefile.html", Optional.of("2020-03-01T18:12:52-05:00")), captured);
        assertEquals(Optional.of("2020-02-03T04:05:06Z"), new ContentReader(1_000_000)
                .readFile(dir, dir.resolve("html/a.html")).captured().map(d -> d.iso()), "extract sees the sidecar too");
    }

    /** What the sidecars say of each input (the build's cache key reads it), in the folder and below. */
    @Test
    void theSidecarsTimeOfEachInput() throws IOException {
        Files.createDirectories(dir.resolve("html"));
        Files.writeString(dir.resolve("SOURCES.tsv"), "file\tcaptured_at\ntop.html\t2020-02-03T04:05:06Z\n"
                + "html/a.html\t2021-01-01\n");
        Files.writeString(dir.resolve("html/SOURCES.tsv"), "file\tcaptured\nc.html\t2021-05-06\n");
        for (String name : List.of("top.html", "plain.txt", "html/a.html", "html/c.html", "html/none.html")) {
            Files.writeString(dir.resolve(name), "<html><body><p>x</p></body></html>");
        }
        ContentReader reader = new ContentReader(1_000_000);
        Map<String, Optional<String>> sidecar = new TreeMap<>();
        for (var input : reader.scan(dir).inputs()) {
            sidecar.put(input.origin(), reader.sidecarCapture(input).map(d -> d.iso()));
        }
        assertEquals(Map.of("top.html", Optional.of("2020-02-03T04:05:06Z"), "plain.txt", Optional.empty(),
                "html/a.html", Optional.of("2021-01-01"), "html/c.html", Optional.of("2021-05-06"),
                "html/none.html", Optional.empty()), sidecar);
    }

    /**
     * A capture log is accounted for in the build's report: what it gave, or why it gave nothing; one with a
     * line that means to give a time and cannot is failed at that line, and its other lines are used (#5).
     */
    @Test
    void everyCaptureLogIsAccountedForAndABadLineIsNamed() throws IOException {
        Path content = dir.resolve("content");
        for (String dirName : List.of("good", "bad", "plain", "linked", "empty")) Files.createDirectories(content.resolve(dirName));
        Files.writeString(content.resolve("good/SOURCES.tsv"), "\uFEFFFile\turl\tCaptured_At\r\n"
                + "a.html\thttps://a.example/\t2020-02-03T04:05:06Z\n"
                + "b.html\t-\t-\n"
                + "\n"
                + "gone.html\t-\t2020-01-01\n");
        Files.writeString(content.resolve("bad/SOURCES.tsv"), "file\tcaptured\n"
                + "a.html\tyesterday\n"
                + "b.html\t2021-05-06\n"
                + "\t2021-05-07\n"
                + "b.html\t2021-05-08\n"
                + "c.html\t2021-13-45\n");
        Files.writeString(content.resolve("plain/SOURCES.tsv"), "file\tbenchmark_id\turl\na.html\t-\t-\n");
        Files.writeString(content.resolve("empty/SOURCES.tsv"), "");
        Path elsewhere = Files.writeString(dir.resolve("log.tsv"),
                "file\tcaptured\na.html\t2022-02-02\n");
        Files.createSymbolicLink(content.resolve("linked/SOURCES.tsv"), elsewhere);
        for (String name : List.of("good/a.html", "good/b.html", "bad/a.html", "bad/b.html", "bad/c.html",
                "plain/a.html", "linked/a.html")) {
            Files.writeString(content.resolve(name), "<html><body><p>x</p></body></html>");
        }

        ContentReader reader = new ContentReader(1_000_000);
        ContentFiles listed = reader.scan(content);
        List<clippings.model.Problem> failed = new java.util.ArrayList<>();
        ContentFiles accounted = reader.accountForCaptureLogs(content, listed, failed);
        assertEquals(listed.inputs(), accounted.inputs());
        assertEquals(List.of("bad/SOURCES.tsv:2: \"yesterday\" in the captured column is not a time (ISO 8601 such as "
                + "2024-01-31T09:15:00Z or 2024-01-31, or an HTTP date); 3 more lines give no capture time either "
                + "(lines 4, 5, 6); the capture times of its other lines are used"),
                failed.stream().map(Object::toString).toList());
        Map<String, String> skipped = new TreeMap<>();
        for (var p : accounted.skipped()) skipped.put(p.file(), p.message());
        assertEquals(Map.of(
                "empty/SOURCES.tsv", "a capture log, not an article; it gives no capture times, as its first line "
                        + "names no file column and no captured_at or captured column (its first line is empty)",
                "good/SOURCES.tsv", "a capture log, not an article: the capture times of 1 input; 1 of the files it "
                        + "names is not an input here (gone.html)",
                "linked/SOURCES.tsv", "symbolic links are not followed",
                "plain/SOURCES.tsv", "a capture log, not an article; it gives no capture times, as its first line "
                        + "names no captured_at or captured column (it names file, benchmark_id, url)"), skipped);

        Map<String, Optional<String>> sidecar = new TreeMap<>();
        for (var input : accounted.inputs()) sidecar.put(input.origin(), reader.sidecarCapture(input).map(d -> d.iso()));
        assertEquals(Map.of("good/a.html", Optional.of("2020-02-03T04:05:06Z"), "good/b.html", Optional.empty(),
                "bad/a.html", Optional.empty(), "bad/b.html", Optional.of("2021-05-06"), "bad/c.html", Optional.empty(),
                "plain/a.html", Optional.empty(), "linked/a.html", Optional.empty()), sidecar,
                "the first time given wins; a linked log is not read");
        // The ledger of a whole read balances: every file is an input, skipped or failed, once.
        ContentSet all = reader.read(content);
        assertEquals(List.of("bad/SOURCES.tsv"), all.failed().stream().map(clippings.model.Problem::file).toList());
        assertEquals(4, all.skipped().size());
        assertEquals(7, all.inputs().size());
    }
}
