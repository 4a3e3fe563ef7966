package clippings.serve;

import clippings.model.Problem;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.http.content.HttpContent;
import org.eclipse.jetty.http.content.ResourceHttpContentFactory;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.ResourceService;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code clippings serve}: serves the built site with Jetty's {@code ResourceHandler}, rebuilds when a source
 * changes and tells open pages to reload. A failed build keeps the last good site served and shows its errors
 * in the terminal and in the page (#6).
 * <p>Rebuilds are incremental builds from the build cache, in this JVM ({@code bench serve} times them, #7).
 * <p>One instance serves once: {@link #start()}, then {@link #close()} from any thread (a shutdown hook on
 * Ctrl-C, or a test). Thread-safe.
 */
public final class PreviewServer implements AutoCloseable {
    private final ServeOptions options;
    private final SiteBuilder builder;
    private final PrintWriter log;
    private final Server server;
    private final ServerConnector connector;
    private final RequestGuard guard;
    private final LiveReload reload;
    private final CountDownLatch stopped = new CountDownLatch(1);
    // Set by start(), read by close() from another thread (the shutdown hook).
    private volatile SourceWatcher watcher;
    private volatile Thread watchThread;
    private volatile ScheduledExecutorScheduler pinger;
    private volatile boolean closed;

    public PreviewServer(ServeOptions options, SiteBuilder builder, PrintWriter log) {
        this.options = options;
        this.builder = builder;
        this.log = log;
        QueuedThreadPool threads = new QueuedThreadPool(32, 4);
        threads.setName("clippings-serve");
        this.server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        // Let odd paths (encoded dots, backslashes…) reach RequestGuard, which answers 404 as the site would,
        // rather than Jetty's 400, and refuses every one of them before a file is looked up. Paths that cannot
        // be resolved at all (/../x, encoded dots above the root, NUL) never reach a handler: the parser
        // refuses them, and UnresolvablePathErrors turns its 400 into the same 404.
        http.setUriCompliance(UriCompliance.UNSAFE);
        this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(options.bind());
        connector.setPort(options.port());
        server.addConnector(connector);
        boolean loopback = isLoopback(options.bind());
        this.guard = new RequestGuard(null, connector::getLocalPort, !loopback);
        this.reload = new LiveReload(guard::originAllowed);
        guard.setHandler(new ReloadScriptInjector(new Handler.Sequence(reload, site(), new OutsideBasePath(),
                new NotFound())));
        server.setHandler(guard);
        server.setErrorHandler(new UnresolvablePathErrors());
        server.setStopTimeout(2000);
    }

    /**
     * Opens the port, builds the site once and starts watching; returns when the first build is served.
     *
     * @throws ServeException when the port is taken or the address cannot be bound
     */
    public void start() {
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly();
            if (isBindFailure(e)) {
                throw new ServeException("cannot listen on " + options.bind() + ":" + options.port()
                        + ": the port is in use (another clippings serve?); try --port " + (options.port() + 1), e);
            }
            throw new ServeException("cannot start the server: " + e.getMessage(), e);
        } catch (Exception e) {
            stopQuietly();
            throw new ServeException("cannot start the server: " + e.getMessage(), e);
        }
        log.println("Listening at " + url() + "; building the site first…");
        log.flush();
        // Watching starts before the first build, so that a save during it triggers the next one.
        watcher = new SourceWatcher(options.watched(), options.debounce(),
                change -> rebuild(change.firstSeenNanos(), describe(change)));
        rebuild(System.nanoTime(), "start");
        if (closed) {
            watcher.close();  // Ctrl-C during the first build
            return;
        }
        watchThread = new Thread(watcher, "clippings-watch");
        watchThread.setDaemon(true);
        watchThread.start();
        pinger = new ScheduledExecutorScheduler("clippings-ping", true);
        try {
            pinger.start();
        } catch (Exception e) {
            throw new ServeException("cannot start the keep-alive timer", e);
        }
        schedulePing();
        log.println("Serving " + options.siteDir() + " at " + url() + " (Ctrl-C to stop)");
        log.flush();
    }

    /** The address pages are served at, with the port actually bound. */
    public URI url() {
        String host = options.bind().contains(":") ? "[" + options.bind() + "]" : options.bind();
        return URI.create("http://" + host + ":" + port() + options.basePath());
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Blocks until {@link #close()} has stopped the server. */
    public void join() throws InterruptedException {
        stopped.await();
    }

    /** Stops watching, ends the event streams and stops Jetty; safe to call more than once. */
    @Override
    public void close() {
        closed = true;
        if (watcher != null) watcher.close();
        if (watchThread != null) watchThread.interrupt();
        reload.closeAll();
        stopQuietly();
        if (pinger != null) {
            try {
                pinger.stop();
            } catch (Exception e) {
                // A timer thread that does not stop dies with the JVM; nothing to report to the user.
            }
        }
    }

    private void rebuild(long since, String why) {
        if (!"start".equals(why)) {
            log.println("changed: " + why + "; rebuilding");
            log.flush();
        }
        long buildStart = System.nanoTime();
        BuildResult result;
        try {
            result = builder.build();
        } catch (RuntimeException e) {
            // A bug in a stage must not take the preview down with it; the user sees it and can retry.
            result = BuildResult.failed(Problem.of(options.siteDir().toString(), "build crashed: " + e));
        }
        for (Problem p : result.problems()) log.println("  " + p);
        reload.status(!result.replaced(), result.problems());
        if (result.replaced()) reload.reload(System.currentTimeMillis());
        long end = System.nanoTime();
        log.printf("%s in %d ms (change to reload event: %d ms)%s; %d page(s) notified%n",
                result.replaced() ? "rebuilt" : "build FAILED, still serving the last good site",
                (end - buildStart) / 1_000_000, (end - since) / 1_000_000,
                result.problems().isEmpty() ? "" : ", " + result.problems().size() + " problem(s)", reload.clients());
        log.flush();
    }

    private static String describe(SourceWatcher.Change change) {
        return change.paths().stream().distinct().limit(3).map(Object::toString)
                .reduce((a, b) -> a + ", " + b).orElse("?")
                + (change.paths().stream().distinct().count() > 3 ? ", …" : "");
    }

    private void schedulePing() {
        pinger.schedule(() -> {
            reload.ping();
            if (server.isRunning()) schedulePing();
        }, 15, TimeUnit.SECONDS);
    }

    /** The site folder under the base path, served by Jetty's own file handler with no listings. */
    private Handler site() {
        Path served = servedFolder();
        ResourceHandler files = new ResourceHandler() {
            @Override
            protected ResourceService newResourceService() {
                return new NoListings();
            }

            @Override
            protected HttpContent.Factory newHttpContentFactory(ByteBufferPool.Sized pool) {
                // No caching layer: a rebuild swaps the folder, and the next request must see the new files.
                return new ConfinedContentFactory(new ResourceHttpContentFactory(getBaseResource(), getMimeTypes(),
                        pool), served);
            }
        };
        files.setBaseResource(ResourceFactory.of(server).newResource(served));
        files.setDirAllowed(false);
        files.setWelcomeFiles("index.html");
        files.setAcceptRanges(false);
        files.setEtags(false);
        files.setUseFileMapping(false);
        files.setCacheControl("no-store");
        String contextPath = options.basePath().equals("/") ? "/"
                : options.basePath().substring(0, options.basePath().length() - 1);
        ContextHandler context = new ContextHandler(files, contextPath);
        context.clearAliasChecks();  // no aliases (symbolic links, 8.3 names) at all
        return context;
    }

    /**
     * The site folder by the real path of its parent: Jetty treats a file reached through a symbolic link (a
     * temporary folder on macOS, say) as an alias and refuses it. The folder itself is taken by name, because each
     * build swaps a new one in under that name.
     */
    private Path servedFolder() {
        try {
            // Jetty needs the folder to exist to serve it; the first build fills it.
            Path site = Files.createDirectories(options.siteDir()).toAbsolutePath().normalize();
            return site.getParent().toRealPath().resolve(site.getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + options.siteDir(), e);
        }
    }

    /** A folder without {@code index.html} is a 404, as on GitHub Pages, rather than Jetty's 403. */
    private static final class NoListings extends ResourceService {
        @Override
        protected void writeHttpError(Request request, Response response, Callback callback, int status) {
            super.writeHttpError(request, response, callback,
                    status == HttpStatus.FORBIDDEN_403 ? HttpStatus.NOT_FOUND_404 : status);
        }
    }

    /** {@code /} redirects to the base path, as a visitor typing the host alone would want. */
    private final class OutsideBasePath extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            if (options.basePath().equals("/") || !"/".equals(request.getHttpURI().getPath())) return false;
            response.setStatus(HttpStatus.FOUND_302);
            response.getHeaders().put(HttpHeader.LOCATION, options.basePath());
            response.write(true, null, callback);
            return true;
        }
    }

    /** A 404 written inside the injector, so that an error page still reloads once the page exists. */
    private static final class NotFound extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            return true;
        }
    }

    private void stopQuietly() {
        try {
            server.stop();
        } catch (Exception e) {
            log.println("clippings: error while stopping the server: " + e.getMessage());
        } finally {
            stopped.countDown();
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof BindException) return true;
        return false;
    }

    static boolean isLoopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new UncheckedIOException(e);
        }
    }
}
