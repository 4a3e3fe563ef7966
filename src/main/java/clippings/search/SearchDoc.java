package clippings.search;

import java.util.List;
import java.util.Objects;

/**
 * What the search index needs of one article, worked out once: its result row and its weighted term counts.
 * A build caches it, so an incremental build indexes the archive without reading every article's body again.
 *
 * @param row    [path, title, dateIso, dateText, source, snippet, tags]
 * @param terms  {@code term count term count …}: terms never contain spaces
 * @param length the document's length in weighted terms, for BM25
 */
public record SearchDoc(List<String> row, String terms, int length) {
    public SearchDoc {
        row = List.copyOf(row);
        Objects.requireNonNull(terms, "terms");
    }
}
