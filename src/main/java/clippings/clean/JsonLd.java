package clippings.clean;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The article objects of a page's JSON-LD ({@code NewsArticle}, {@code Article}, {@code BlogPosting}, …,
 * also inside {@code @graph} and arrays), and the other objects beside them (the {@code WebPage}, the
 * {@code Organization}), with lenient readers for the fields Clippings uses.
 * <p>Immutable once built; one instance describes one page.
 */
final class JsonLd {
    private final List<JsonObject> articles = new ArrayList<>();
    private final List<JsonObject> others = new ArrayList<>();

    JsonLd(Document doc) {
        for (Element s : doc.select("script[type=application/ld+json]")) {
            try {
                collect(JsonParser.parseString(s.data().strip().replaceAll(";\\s*$", "")));
            } catch (RuntimeException e) {
                // Broken JSON-LD is common on real pages; the meta tags still tell enough.
            }
        }
    }

    private void collect(JsonElement e) {
        if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(this::collect);
        } else if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            if (o.has("@graph")) collect(o.get("@graph"));
            String type = o.has("@type") ? o.get("@type").toString() : "";
            if (type.matches("(?s).*(Article|Posting|Report|NewsArticle|BlogPosting).*")) articles.add(o);
            else others.add(o);
        }
    }

    /** A string field of the first article object that has it. */
    Optional<String> article(String key) {
        for (JsonObject o : articles) {
            Optional<String> v = string(o.get(key));
            if (v.isPresent()) return v;
        }
        return Optional.empty();
    }

    /** A string field of the first object of any type that has it. */
    Optional<String> any(String key) {
        return article(key).or(() -> {
            for (JsonObject o : others) {
                Optional<String> v = string(o.get(key));
                if (v.isPresent()) return v;
            }
            return Optional.empty();
        });
    }

    /** The {@code name} of an object-valued field (author, publisher), for each value. */
    List<String> names(String key) {
        List<String> out = new ArrayList<>();
        for (JsonObject o : articles) {
            JsonElement v = o.get(key);
            if (v == null) continue;
            JsonArray arr = v.isJsonArray() ? v.getAsJsonArray() : single(v);
            for (JsonElement x : arr) {
                if (x.isJsonObject()) string(x.getAsJsonObject().get("name")).ifPresent(out::add);
                else string(x).ifPresent(out::add);
            }
            if (!out.isEmpty()) break;
        }
        return out;
    }

    /** The URL of the article's image, whether given as a string, an ImageObject or a list of either. */
    Optional<String> image() {
        for (JsonObject o : articles) {
            JsonElement v = o.get("image");
            if (v == null) continue;
            if (v.isJsonArray() && !v.getAsJsonArray().isEmpty()) v = v.getAsJsonArray().get(0);
            if (v.isJsonObject()) return string(v.getAsJsonObject().get("url"));
            return string(v);
        }
        return Optional.empty();
    }

    /** The caption of the article's image, when it is given as an {@code ImageObject}. */
    Optional<String> imageCaption() {
        for (JsonObject o : articles) {
            JsonElement v = o.get("image");
            if (v == null) continue;
            if (v.isJsonArray() && !v.getAsJsonArray().isEmpty()) v = v.getAsJsonArray().get(0);
            return v.isJsonObject() ? string(v.getAsJsonObject().get("caption")) : Optional.empty();
        }
        return Optional.empty();
    }

    /** Keywords, whether a comma-separated string or a list. */
    List<String> keywords() {
        List<String> out = new ArrayList<>();
        for (JsonObject o : articles) {
            JsonElement v = o.get("keywords");
            if (v == null) continue;
            if (v.isJsonArray()) v.getAsJsonArray().forEach(x -> string(x).ifPresent(out::add));
            else string(v).ifPresent(s -> out.addAll(List.of(s.split(","))));
        }
        return out;
    }

    private static JsonArray single(JsonElement e) {
        JsonArray a = new JsonArray();
        a.add(e);
        return a;
    }

    private static Optional<String> string(JsonElement e) {
        if (e == null || e.isJsonNull()) return Optional.empty();
        if (e.isJsonArray()) return e.getAsJsonArray().isEmpty() ? Optional.empty() : string(e.getAsJsonArray().get(0));
        if (!e.isJsonPrimitive()) return Optional.empty();
        String s = e.getAsString().strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
