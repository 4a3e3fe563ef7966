package clippings.cli;

import clippings.build.BuildOptions;
import clippings.build.BuildReport;
import clippings.build.ConfigException;
import clippings.build.SiteBuild;
import clippings.model.Problem;
import clippings.serve.BuildResult;
import clippings.serve.PreviewServer;
import clippings.serve.ServeException;
import clippings.serve.ServeOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code clippings serve}: build, serve site/ on localhost, rebuild and reload on every change. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Builds the site, serves it on localhost and rebuilds it when content, templates or the "
                + "configuration change; open pages reload by themselves. Ctrl-C stops it."})
final class ServeCommand implements Callable<Integer> {
    private static final Pattern LOCATED = Pattern.compile("(.+?):(\\d+): (.*)", Pattern.DOTALL);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    BuildInputs inputs;

    @Option(names = "--port", paramLabel = "N", description = "TCP port (default: ${DEFAULT-VALUE}).")
    int port = 8000;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}); anything but loopback exposes the "
                    + "archive to your network.")
    String bind = "127.0.0.1";

    @Option(names = "--base-path", paramLabel = "PATH",
            description = "Serve the site under this sub-path, as GitHub Pages serves a project site, e.g. /repo/ "
                    + "(default: ${DEFAULT-VALUE}).")
    String basePath = "/";

    @Option(names = "--debounce", paramLabel = "MS", hidden = true,
            description = "Quiet time after a change before rebuilding (default: ${DEFAULT-VALUE}).")
    long debounceMillis = 100;

    /**
     * Writes the build cache after each rebuild, so that the reload does not wait for it (#7); the next rebuild
     * waits for it instead, before it opens the cache.
     */
    private final ExecutorService saves = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "clippings-cache-save");
        t.setDaemon(true);
        return t;
    });
    private volatile Future<?> pendingSave = CompletableFuture.completedFuture(null);

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // serve rebuilds after every change: what a build can keep for the next one, it keeps.
        clippings.cache.ProcessMemory.keep();
        // Usage and configuration errors stop us before a port is opened; later ones show in the page.
        BuildOptions first = inputs.options(Optional.empty(), false);
        ServeOptions options;
        try {
            options = new ServeOptions(bind, port, basePath, first.outDir(),
                    inputs.sources(), Duration.ofMillis(debounceMillis));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!isLoopback(bind)) {
            err.println("clippings: warning: --bind " + bind + " is not a loopback address: anyone who can reach "
                    + "this machine can read the archive");
        }
        PreviewServer s = new PreviewServer(options, () -> build(out), out);
        // Registered first, so that Ctrl-C during the first build stops Jetty too; the cache is written whole.
        Thread hook = new Thread(() -> {
            s.close();
            awaitSave();
        }, "clippings-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            s.start();
        } catch (ServeException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            err.println("clippings: " + e.getMessage());
            err.flush();
            return ExitCode.USAGE;
        }
        s.join();
        awaitSave();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down (Ctrl-C): the hook is what stopped us.
        }
        return ExitCode.OK;
    }

    private void awaitSave() {
        try {
            pendingSave.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // Reported by the task itself.
        }
    }

    /** One build with the configuration read afresh; every error is returned, not thrown. */
    private BuildResult build(PrintWriter out) {
        awaitSave();
        BuildOptions options;
        try {
            options = inputs.options(Optional.empty(), false);
        } catch (ConfigException e) {
            return BuildResult.failed(located(e.getMessage()));
        } catch (CommandLine.ParameterException e) {
            return BuildResult.failed(Problem.of(String.valueOf(inputs.content), e.getMessage()));
        }
        // One thread writes the cache and then the report, after the reload; the next build waits for both.
        BuildReport r = new SiteBuild(options, out).deferSaveAndReport(task -> pendingSave = saves.submit(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // The site is built; without its cache the next build only does more work.
                out.println("after the build: " + e.getMessage());
                out.flush();
            }
        })).run();
        List<Problem> problems = new ArrayList<>(r.problems());
        problems.addAll(r.failed());
        return new BuildResult(r.problems().isEmpty(), problems);
    }

    /** {@code file:line: message} (as {@code ConfigLoader} words it) as a located problem. */
    static Problem located(String message) {
        Matcher m = LOCATED.matcher(message);
        return m.matches() ? new Problem(m.group(1), Integer.parseInt(m.group(2)), 0, m.group(3))
                : Problem.of("configuration", message);
    }

    private boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bind: unknown address " + address);
        }
    }
}
