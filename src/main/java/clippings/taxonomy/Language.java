package clippings.taxonomy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The word lists that automatic tagging needs for one language, read from
 * {@code /clippings/taxonomy/<code>/}: stop words, never-tags (weekdays, months, chrome), titles and
 * honorifics, organisation words, given names, reporting verbs, well-known organisations and a gazetteer.
 * Adding a language means adding that folder; the tagging code does not change (#4).
 * <p>Immutable and thread-safe once built.
 */
final class Language {
    /** A place of the gazetteer: its display name, kind (country, capital, city, state, region) and country. */
    record Place(String name, String kind, Optional<String> country) {
        boolean isCountry() { return kind.equals("country"); }
    }

    private final NameFolder folder;
    final Set<String> stopWords;
    final Set<String> never;
    final Titles titles;
    final Set<String> orgSuffixes;
    final Set<String> orgHeads;
    final Set<String> placeSuffixes;
    final Set<String> givenNames;
    final Set<String> speechVerbs;
    /** Folded name of a well-known organisation → its display name (an acronym maps to its expansion). */
    final Map<String, String> organisations = new HashMap<>();
    /** Case-sensitive acronyms of {@link #organisations}, so "WHO" is not "who". */
    final Set<String> organisationAcronyms = new HashSet<>();
    /** Folded place name or alias → place. */
    final Map<String, Place> places = new HashMap<>();
    /** Folded demonym → country name. */
    final Map<String, String> demonyms = new HashMap<>();

    private Language(String code, NameFolder folder) {
        this.folder = folder;
        String dir = "/clippings/taxonomy/" + code + "/";
        this.stopWords = folded(lines(dir + "stopwords.txt"));
        this.never = folded(lines(dir + "never.txt"));
        this.givenNames = folded(lines(dir + "given-names.txt"));
        this.speechVerbs = folded(lines(dir + "speech-verbs.txt"));
        this.placeSuffixes = folded(lines(dir + "place-suffixes.txt"));
        List<Titles.Title> t = new ArrayList<>();
        for (String line : lines(dir + "titles.txt")) {
            boolean prominent = line.startsWith("*");
            t.add(new Titles.Title(List.of((prominent ? line.substring(1) : line).split(" ")), prominent));
        }
        this.titles = new Titles(t);
        Set<String> suffixes = new HashSet<>();
        Set<String> heads = new HashSet<>();
        for (String line : lines(dir + "org-suffixes.txt")) {
            if (line.startsWith("<")) heads.add(folder.key(line.substring(1)));
            else suffixes.add(folder.key(line));
        }
        this.orgSuffixes = Set.copyOf(suffixes);
        this.orgHeads = Set.copyOf(heads);
        for (String line : lines(dir + "organisations.txt")) {
            String[] f = line.split("\t", -1);
            String display = f.length > 1 && !f[1].isBlank() ? f[1].strip() : f[0].strip();
            organisations.put(folder.key(f[0]), display);
            organisations.put(folder.key(display), display);
            if (f[0].equals(f[0].toUpperCase(java.util.Locale.ROOT))) organisationAcronyms.add(f[0]);
        }
        for (String line : lines(dir + "gazetteer.tsv")) {
            String[] f = line.split("\t", -1);
            Place p = new Place(f[1], f[0], f[2].isBlank() ? Optional.empty() : Optional.of(f[2]));
            places.putIfAbsent(folder.key(f[1]), p);
            if (f.length > 3) for (String alias : f[3].split("\\|")) {
                if (!alias.isBlank()) places.putIfAbsent(folder.key(alias), p);
            }
            if (f.length > 4) for (String d : f[4].split("\\|")) {
                if (!d.isBlank()) demonyms.putIfAbsent(folder.key(d), p.name());
            }
        }
    }

    /** English, the bundled default. */
    static Language english(NameFolder folder) {
        return forCode("en", folder);
    }

    /** The word lists of {@code /clippings/taxonomy/<code>/}; fails when a list is missing. */
    static Language forCode(String code, NameFolder folder) {
        return new Language(code, folder);
    }

    Optional<Place> place(String foldedKey) {
        return Optional.ofNullable(places.get(foldedKey));
    }

    private Set<String> folded(List<String> words) {
        Set<String> s = new HashSet<>();
        for (String w : words) s.add(String.join(" ", folder.words(w)));
        return Set.copyOf(s);
    }

    private static List<String> lines(String resource) {
        try (InputStream in = Language.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            List<String> out = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                out.add(line.replace("\r", "")); // tabs at the end are empty columns
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
