package clippings.testing;

import clippings.build.BuildOptions;
import clippings.build.BuildReport;
import clippings.build.SiteBuild;
import clippings.model.SiteConfig;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;

/** Paths to the repository's test data, and a one-call build for tests. */
public final class Fixtures {
    private Fixtures() {
    }

    /** The repository root (Maven runs tests there). */
    public static Path repo() {
        return Path.of("").toAbsolutePath();
    }

    public static Path resources() {
        return repo().resolve("src/test/resources");
    }

    /** Builds {@code content} with the repository's templates into {@code out}, reporting beside it. */
    public static BuildReport build(Path content, Path out, SiteConfig config) {
        BuildOptions options = new BuildOptions(content, Optional.of(repo().resolve("templates")), out, config, false,
                out.resolveSibling(out.getFileName() + "-report.json"));
        return new SiteBuild(options, new PrintWriter(new StringWriter())).run();
    }
}
