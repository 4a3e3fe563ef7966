package clippings.serve;

import clippings.build.BuildOptions;
import clippings.build.BuildReport;
import clippings.build.SiteBuild;
import clippings.model.Problem;
import clippings.model.SiteConfig;
import clippings.testing.Fixtures;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A tiny archive project for serve tests: one text scrape, the repository's theme, and a real build of it. */
final class ServeFixture {
    private ServeFixture() {
    }

    /** Writes {@code content/first.txt} and a copy of the repository's templates into {@code dir}. */
    static void project(Path dir) throws IOException {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("first.txt"),
                "Site icon Test Paper\n\nFirst story about harbours\n\nThe harbour reopened on Monday.\n");
        Path from = Fixtures.repo().resolve("templates");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = dir.resolve("templates").resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target);
            }
        }
    }

    /** Options as {@code serve} would make them for the project, with a short debounce. */
    static ServeOptions options(Path dir, String basePath, int port) {
        return new ServeOptions("127.0.0.1", port, basePath, dir.resolve("site"),
                List.of(dir.resolve("content"), dir.resolve("templates"), dir.resolve("clippings.yml")),
                java.time.Duration.ofMillis(50));
    }

    /** A full build of the project, as {@code serve} runs it. */
    static SiteBuilder builder(Path dir) {
        return () -> {
            BuildOptions o = new BuildOptions(dir.resolve("content"), Optional.of(dir.resolve("templates")),
                    dir.resolve("site"), SiteConfig.defaults(), false, dir.resolve("report.json"));
            BuildReport r = new SiteBuild(o, new PrintWriter(new StringWriter())).run();
            List<Problem> problems = new ArrayList<>(r.problems());
            problems.addAll(r.failed());
            return new BuildResult(r.problems().isEmpty(), problems);
        };
    }
}
