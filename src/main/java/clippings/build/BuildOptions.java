package clippings.build;

import clippings.model.SiteConfig;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to build from where: the folders, the configuration, and how strict to be.
 *
 * @param templatesDir the theme folder; empty for the default theme packaged in the jar
 * @param reportFile   where to write the JSON build report (never inside the site)
 * @param strict       any input error fails the build and leaves the previous site in place
 */
public record BuildOptions(Path contentDir, Optional<Path> templatesDir, Path outDir, SiteConfig config,
                           boolean strict, Path reportFile) {
    public BuildOptions {
        Objects.requireNonNull(contentDir, "contentDir");
        Objects.requireNonNull(templatesDir, "templatesDir");
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(reportFile, "reportFile");
    }

    /** The default report location: {@code .clippings/report.json} beside the output folder. */
    public static Path defaultReport(Path outDir) {
        Path parent = outDir.toAbsolutePath().normalize().getParent();
        return parent.resolve(".clippings").resolve("report.json");
    }
}
