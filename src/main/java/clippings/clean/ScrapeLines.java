package clippings.clean;

import java.util.Arrays;
import java.util.Objects;

/**
 * What one text scrape tells about its source's chrome: which source it belongs to, and a hash of each of its
 * distinct lines (normalised). Small and independent of every other scrape, so a build can keep it per input
 * and learn the archive's chrome again without reading the scrapes that did not change.
 *
 * @param source the source's key (its site name, else the scrape's folder)
 * @param lines  sorted, distinct line hashes; the lowest bit says whether the line is long (prose)
 */
public record ScrapeLines(String source, long[] lines) {
    public ScrapeLines {
        Objects.requireNonNull(source, "source");
        lines = lines.clone();
    }

    @Override
    public long[] lines() {
        return lines.clone();
    }

    /** The hashes themselves, for learning, which reads them and never changes them: no copy of each. */
    long[] hashes() {
        return lines;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScrapeLines s && s.source.equals(source) && Arrays.equals(s.lines, lines);
    }

    @Override
    public int hashCode() {
        return 31 * source.hashCode() + Arrays.hashCode(lines);
    }

    @Override
    public String toString() {
        return "ScrapeLines[" + source + ", " + lines.length + " lines]";
    }
}
