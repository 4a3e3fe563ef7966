package clippings.build;

import clippings.testing.Fixtures;
import clippings.testing.SiteFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same input builds a byte-identical site whatever the machine's time zone, locale (Turkish dotless i
 * included) and the order the file system lists the inputs in.
 */
class DeterminismIT {
    @TempDir
    Path tmp;

    private Path build(Path content, String name, String tz, String lang, String javaLocale) throws Exception {
        Path out = tmp.resolve(name);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(javaLocale.split(" ")));
        cmd.addAll(List.of("-jar", Path.of(System.getProperty("clippings.jar", "target/clippings.jar")).toAbsolutePath().toString(),
                "build", "--content", content.toString(), "--out", out.toString(),
                "--templates", Fixtures.repo().resolve("templates").toString(),
                "--report", tmp.resolve(name + ".json").toString(), "--no-cache"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("TZ", tz);
        pb.environment().put("LANG", lang);
        pb.environment().put("LC_ALL", lang);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "build timed out");
        assertTrue(p.exitValue() <= 1, output);
        return out;
    }

    @Test
    void sameSiteUnderAnyTimeZoneLocaleAndFileOrder() throws Exception {
        Path content = Fixtures.repo().resolve("content");
        // The same files, created in reverse name order, so a directory listing may come back differently.
        Path reversed = tmp.resolve("content-reversed");
        Files.createDirectories(reversed);
        List<Path> files;
        try (var s = Files.list(content)) {
            files = new ArrayList<>(s.sorted().toList());
        }
        java.util.Collections.reverse(files);
        for (Path f : files) Files.copy(f, reversed.resolve(f.getFileName()));

        Map<String, String> a = SiteFiles.digests(build(content, "utc", "UTC", "C.UTF-8", "-Duser.language=en"));
        Map<String, String> b = SiteFiles.digests(build(reversed, "tr", "Asia/Tokyo", "tr_TR.UTF-8",
                "-Duser.language=tr -Duser.country=TR -Duser.timezone=Pacific/Kiritimati"));
        assertEquals(a.keySet(), b.keySet());
        assertEquals(a, b);
        assertTrue(a.size() > 20);
    }

    @Test
    void ignoredLeftoversDoNotChangeTheSite() throws IOException {
        // A build never reads its own output: building twice into the same folder gives the same bytes.
        Path out = tmp.resolve("site");
        Fixtures.build(Fixtures.repo().resolve("content"), out, clippings.model.SiteConfig.defaults());
        Map<String, String> first = SiteFiles.digests(out);
        Fixtures.build(Fixtures.repo().resolve("content"), out, clippings.model.SiteConfig.defaults());
        assertEquals(first, SiteFiles.digests(out));
    }
}
