package clippings.feed;

import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * One JSON value written on its own with Gson's streaming writer, indented two spaces a level as an element
 * nested in a larger document. Files that list every article ({@code articles.json}, the build report) are made
 * of such elements, each kept from one build to the next while its article is the same (#7).
 */
public final class NestedJson {
    /** Writes the value. */
    public interface Body {
        void write(JsonWriter w) throws IOException;
    }

    private NestedJson() {
    }

    /**
     * The value's text, its lines after the first moved in by {@code depth} levels (the first line's indent is
     * the caller's); {@code nulls} says whether a null value is written or its member left out.
     */
    public static String of(int depth, boolean nulls, Body body) {
        StringWriter out = new StringWriter(640);
        try {
            JsonWriter w = new JsonWriter(out);
            w.setIndent("  ");
            w.setHtmlSafe(false);
            w.setSerializeNulls(nulls);
            body.write(w);
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        // JSON strings hold no line break, so every line of the value moves in alike.
        return out.toString().replace("\n", "\n" + "  ".repeat(depth));
    }
}
