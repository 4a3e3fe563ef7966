package clippings.cli;

import clippings.build.BuildOptions;
import clippings.build.ConfigLoader;
import clippings.model.SiteConfig;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The options every command that builds shares ({@code build}, {@code serve}): where the content, theme,
 * output and configuration are, and the base URL. A picocli mixin; {@link #options} turns them into
 * {@link BuildOptions}, reading the configuration afresh each time so that {@code serve} sees edits to it.
 * <p>Not thread-safe; one per command.
 */
final class BuildInputs {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--content", paramLabel = "DIR", description = "Input scrapes (default: ${DEFAULT-VALUE}).")
    Path content = Path.of("content");

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Theme folder (default: templates/ when present, else the theme packaged in the jar).")
    Path templates;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("site");

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: clippings.yml when present).")
    Path config;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Absolute URL the site is published at; without it no absolute URL is written.")
    String baseUrl;

    @Option(names = "--no-cache", description = "Build everything from scratch, without reading or writing the "
            + "build cache (.clippings/cache beside the output folder) that makes rebuilds incremental.")
    boolean noCache;

    /**
     * The build options; a missing folder is a usage error, a broken configuration a {@code ConfigException}.
     *
     * @param report where the JSON report goes; empty for the default beside the output folder
     */
    BuildOptions options(Optional<Path> report, boolean strict) {
        if (!Files.isDirectory(content)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "content folder not found: " + content);
        }
        if (config != null && !Files.isRegularFile(config)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "config file not found: " + config);
        }
        SiteConfig site = ConfigLoader.load(configFile());
        if (baseUrl != null) site = site.withBaseUrl(Optional.of(checkedUrl(baseUrl)));
        if (templates != null && !Files.isDirectory(templates)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "templates folder not found: " + templates);
        }
        return new BuildOptions(content, theme(), out, site, strict, report.orElseGet(() -> BuildOptions.defaultReport(out)))
                .withCache(noCache ? Optional.empty() : Optional.of(BuildOptions.defaultCache(out)));
    }

    /** What a change to should trigger a rebuild: the content, the theme folder and the configuration file. */
    List<Path> sources() {
        List<Path> sources = new ArrayList<>(List.of(content));
        theme().ifPresent(sources::add);
        sources.add(config != null ? config : Path.of("clippings.yml"));
        return sources;
    }

    private Optional<Path> configFile() {
        if (config != null) return Optional.of(config);
        return Files.isRegularFile(Path.of("clippings.yml")) ? Optional.of(Path.of("clippings.yml")) : Optional.empty();
    }

    private Optional<Path> theme() {
        if (templates != null) return Optional.of(templates);
        return Files.isDirectory(Path.of("templates")) ? Optional.of(Path.of("templates")) : Optional.empty();
    }

    private String checkedUrl(String url) {
        if (!url.matches("(?i)https?://[^\\s/]+(/\\S*)?")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--base-url must be an absolute http(s) URL, e.g. https://example.org/archive/");
        }
        return url;
    }
}
