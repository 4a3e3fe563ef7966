package clippings.ingest;

import clippings.model.InputException;
import clippings.model.InputFile;
import clippings.model.InputFormat;
import clippings.model.RawArticle;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The text scrapes of the content folder, read as they are iterated, a batch at a time in parallel: the
 * cleaner learns each source's chrome from them without the build holding them all. Files that cannot be read
 * are passed over here; the article stage reports them.
 */
public final class TextScrapes implements Iterable<RawArticle> {
    private static final int BATCH = 256;
    private final ContentReader reader;
    private final List<InputFile> texts;

    public TextScrapes(ContentReader reader, List<InputFile> inputs) {
        this.reader = reader;
        this.texts = inputs.stream().filter(f -> f.format() == InputFormat.TEXT).toList();
    }

    @Override
    public Iterator<RawArticle> iterator() {
        return new Iterator<>() {
            private int next;
            private Iterator<RawArticle> batch = List.<RawArticle>of().iterator();

            @Override
            public boolean hasNext() {
                while (!batch.hasNext() && next < texts.size()) {
                    List<InputFile> files = texts.subList(next, Math.min(texts.size(), next + BATCH));
                    next += files.size();
                    batch = files.parallelStream().map(this::readOrNull).filter(Objects::nonNull).toList().iterator();
                }
                return batch.hasNext();
            }

            @Override
            public RawArticle next() {
                if (!hasNext()) throw new NoSuchElementException();
                return batch.next();
            }

            private RawArticle readOrNull(InputFile f) {
                try {
                    return reader.read(f);
                } catch (InputException e) {
                    return null;
                }
            }
        };
    }
}
