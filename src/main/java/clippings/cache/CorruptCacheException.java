package clippings.cache;

/**
 * The build cache cannot be trusted: a file is damaged or missing. The build that meets it starts over without
 * the cache, so a bad cache costs time but never produces a wrong site.
 */
public final class CorruptCacheException extends RuntimeException {
    public CorruptCacheException(String message) {
        super(message);
    }
}
