package clippings.clean;

import clippings.model.CleanRules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides whether a line of a text scrape (or a short block of a page) is site chrome, from the bundled pattern
 * list ({@code chrome-lines.txt}) plus the patterns of {@code clippings.yml}, and whether it is protected: a
 * {@code keep} pattern beats every reason to drop it.
 * <p>Immutable and thread-safe.
 */
final class ChromeLines {
    private static final String RESOURCE = "/clippings/clean/chrome-lines.txt";
    private static final Pattern BULLET = Pattern.compile("^(?:[-*•·▪►□◦○●]|\\d{1,3}[.)])\\s+");
    private static final Pattern SITE_ICON = Pattern.compile("(?i)^Site icon\\s+(.+)$");

    private final List<String> chrome;
    private final List<String> keep;
    private final Map<String, CleanRules.Patterns> sources;
    private final Scope everySource;
    /** Compiled scopes by the keys of the source rules that apply, so each combination is compiled once. */
    private final Map<List<String>, Scope> scopes = new ConcurrentHashMap<>();

    ChromeLines(CleanRules rules) {
        this.chrome = new ArrayList<>(bundled());
        chrome.addAll(rules.all().chrome());
        this.keep = rules.all().keep();
        this.sources = rules.sources();
        this.everySource = new Scope(chrome, keep);
    }

    /** The site name a {@code Site icon NAME} line announces, if this is such a line. */
    static Optional<String> siteIcon(String line) {
        var m = SITE_ICON.matcher(line.strip());
        return m.matches() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    /** The patterns that apply to one source: those for every source and those of its own rules. */
    Scope forSource(SourceIdentity source) {
        List<String> keys = sources.keySet().stream().filter(source::matches).toList();
        if (keys.isEmpty()) return everySource;
        return scopes.computeIfAbsent(keys, k -> {
            List<String> c = new ArrayList<>(chrome);
            List<String> p = new ArrayList<>(keep);
            for (String key : k) {
                c.addAll(sources.get(key).chrome());
                p.addAll(sources.get(key).keep());
            }
            return new Scope(c, p);
        });
    }

    /**
     * The chrome and keep patterns of one source. The chrome patterns that may begin anywhere and need a
     * {@link LiteralGuard} are matched only on lines that hold their guard; the others are one union.
     */
    static final class Scope {
        private final Optional<Pattern> chrome;
        private final List<Guarded> guarded;
        private final Optional<Pattern> keep;

        private record Guarded(String text, Pattern pattern) {
        }

        Scope(List<String> chrome, List<String> keep) {
            List<String> plain = new ArrayList<>();
            Map<String, List<String>> byGuard = new java.util.LinkedHashMap<>();
            for (String p : chrome) {
                Optional<String> guard = LiteralGuard.of(p);
                if (guard.isPresent()) byGuard.computeIfAbsent(guard.get(), g -> new ArrayList<>()).add(p);
                else plain.add(p);
            }
            this.chrome = union(plain);
            this.guarded = byGuard.entrySet().stream()
                    .map(e -> new Guarded(e.getKey(), union(e.getValue()).orElseThrow())).toList();
            this.keep = union(keep);
        }

        /** Whether the line is chrome and not protected. */
        boolean isChrome(String line) {
            // A list bullet in a text scrape ("• Share on Facebook") does not make a line less chrome.
            String s = unbulleted(line);
            if (s.isEmpty() || !matchesChrome(s)) return false;
            return keep.isEmpty() || !keep.get().matcher(s).matches();
        }

        private boolean matchesChrome(String s) {
            if (chrome.isPresent() && chrome.get().matcher(s).matches()) return true;
            if (guarded.isEmpty()) return false;
            String folded = LiteralGuard.fold(s);
            for (Guarded g : guarded) {
                if (folded.contains(g.text()) && g.pattern().matcher(s).matches()) return true;
            }
            return false;
        }

        /** Whether a keep pattern protects the line. */
        boolean isKept(String line) {
            return keep.isPresent() && keep.get().matcher(unbulleted(line)).matches();
        }

        boolean protects() {
            return keep.isPresent();
        }

        static String unbulleted(String line) {
            return BULLET.matcher(line.strip()).replaceFirst("");
        }
    }

    private static Optional<Pattern> union(List<String> patterns) {
        if (patterns.isEmpty()) return Optional.empty();
        String joined = patterns.stream().map(p -> "(?:" + p + ")").collect(Collectors.joining("|"));
        return Optional.of(Pattern.compile(joined, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    private static List<String> bundled() {
        try (InputStream in = ChromeLines.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
