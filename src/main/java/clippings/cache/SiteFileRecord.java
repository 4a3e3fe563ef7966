package clippings.cache;

/**
 * What the build cache remembers of one file of the published site: the digest of its inputs, and its size and
 * modification time when written, so a file changed or removed by hand since is noticed and written again.
 *
 * @param group the name of the set of files produced together (e.g. the search index), or empty
 */
public record SiteFileRecord(String digest, long size, long modified, String group) {
}
