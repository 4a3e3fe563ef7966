package clippings.serve;

/**
 * Builds the site into the served folder; the command line supplies it, so this package needs no build
 * wiring of its own. Called from one thread at a time.
 */
@FunctionalInterface
public interface SiteBuilder {
    /** Runs one build; errors in inputs, templates or configuration are returned, not thrown. */
    BuildResult build();
}
