package clippings.cli;

import clippings.build.BuildOptions;
import clippings.build.BuildReport;
import clippings.build.ConfigLoader;
import clippings.build.SiteBuild;
import clippings.model.Problem;
import clippings.model.SiteConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code clippings build}: content/ + templates/ → site/. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Builds the site from the content folder.")
final class BuildCommand implements Callable<Integer> {
    @CommandLine.Spec
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

    @Option(names = "--report", paramLabel = "FILE",
            description = "Where to write the JSON build report (default: .clippings/report.json beside the output folder).")
    Path report;

    @Option(names = "--strict", description = "Fail the build, and keep the previous site, if any input fails.")
    boolean strict;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BuildOptions options = options();
        BuildReport r = new SiteBuild(options, out).run();
        for (Problem p : r.failed()) err.println(p);
        for (Problem p : r.problems()) err.println(p);
        out.printf("%d inputs: %d published, %d duplicates, %d skipped, %d failed; %d tags, %d files, %d bytes in %d ms%n",
                r.inputs(), r.published().size(), r.duplicates().size(), r.skipped().size(), r.failed().size(),
                r.tags(), r.pages(), r.bytes(), r.phases().getOrDefault("total", 0L));
        for (var s : r.skipped()) out.println("  skipped " + s);
        for (var d : r.duplicates()) out.println("  duplicate " + d.file() + " of " + d.of() + " (" + d.reason() + ")");
        out.println("report: " + options.reportFile());
        out.flush();
        return r.ok() ? ExitCode.OK : ExitCode.INPUT_ERRORS;
    }

    private BuildOptions options() {
        if (!Files.isDirectory(content)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "content folder not found: " + content);
        }
        Optional<Path> configFile = Optional.ofNullable(config);
        if (configFile.isPresent() && !Files.isRegularFile(config)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "config file not found: " + config);
        }
        if (configFile.isEmpty() && Files.isRegularFile(Path.of("clippings.yml"))) {
            configFile = Optional.of(Path.of("clippings.yml"));
        }
        SiteConfig site = ConfigLoader.load(configFile);
        if (baseUrl != null) site = site.withBaseUrl(Optional.of(checkedUrl(baseUrl)));
        Optional<Path> theme = Optional.ofNullable(templates);
        if (theme.isPresent() && !Files.isDirectory(templates)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "templates folder not found: " + templates);
        }
        if (theme.isEmpty() && Files.isDirectory(Path.of("templates"))) theme = Optional.of(Path.of("templates"));
        return new BuildOptions(content, theme, out, site, strict,
                report != null ? report : BuildOptions.defaultReport(out));
    }

    private String checkedUrl(String url) {
        if (!url.matches("(?i)https?://[^\\s/]+(/\\S*)?")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--base-url must be an absolute http(s) URL, e.g. https://example.org/archive/");
        }
        return url;
    }
}
