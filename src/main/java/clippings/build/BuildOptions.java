package clippings.build;

import clippings.model.SiteConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What to build from where: the folders, the configuration, and how strict to be.
 *
 * @param templatesDir the theme folder; empty for the default theme packaged in the jar
 * @param reportFile   where to write the JSON build report (never inside the site)
 * @param strict       any input error fails the build and leaves the previous site in place
 * @param articleDeadline how long one article may take through the stages before it fails as timed out
 * @param cacheDir     the build cache, which makes the next build incremental; empty for none
 */
public record BuildOptions(Path contentDir, Optional<Path> templatesDir, Path outDir, SiteConfig config,
                           boolean strict, Path reportFile, Duration articleDeadline, Optional<Path> cacheDir) {
    /** A real article takes milliseconds; this only stops pathological inputs. */
    public static final Duration DEFAULT_ARTICLE_DEADLINE = Duration.ofSeconds(20);

    public BuildOptions(Path contentDir, Optional<Path> templatesDir, Path outDir, SiteConfig config,
                        boolean strict, Path reportFile) {
        this(contentDir, templatesDir, outDir, config, strict, reportFile, DEFAULT_ARTICLE_DEADLINE, Optional.empty());
    }

    public BuildOptions(Path contentDir, Optional<Path> templatesDir, Path outDir, SiteConfig config,
                        boolean strict, Path reportFile, Duration articleDeadline) {
        this(contentDir, templatesDir, outDir, config, strict, reportFile, articleDeadline, Optional.empty());
    }

    public BuildOptions {
        Objects.requireNonNull(contentDir, "contentDir");
        Objects.requireNonNull(templatesDir, "templatesDir");
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(reportFile, "reportFile");
        Objects.requireNonNull(cacheDir, "cacheDir");
        if (articleDeadline.isNegative() || articleDeadline.isZero()) {
            throw new IllegalArgumentException("the article deadline must be positive");
        }
    }

    public BuildOptions withArticleDeadline(Duration deadline) {
        return new BuildOptions(contentDir, templatesDir, outDir, config, strict, reportFile, deadline, cacheDir);
    }

    /** The same build, cached in {@code dir} (or not cached at all). */
    public BuildOptions withCache(Optional<Path> dir) {
        return new BuildOptions(contentDir, templatesDir, outDir, config, strict, reportFile, articleDeadline, dir);
    }

    /** The default cache location: {@code .clippings/cache} beside the output folder. */
    public static Path defaultCache(Path outDir) {
        Path parent = outDir.toAbsolutePath().normalize().getParent();
        return parent.resolve(".clippings").resolve("cache");
    }

    /** The default report location: {@code .clippings/report.json} beside the output folder. */
    public static Path defaultReport(Path outDir) {
        Path parent = outDir.toAbsolutePath().normalize().getParent();
        return parent.resolve(".clippings").resolve("report.json");
    }
}
