package clippings.clean;

import clippings.model.CleanRules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides whether one line of a text scrape is site chrome, from the bundled pattern list
 * ({@code chrome-lines.txt}) plus the patterns of {@code clippings.yml}.
 * <p>Immutable and thread-safe.
 */
final class ChromeLines {
    private static final String RESOURCE = "/clippings/clean/chrome-lines.txt";
    private static final Pattern BULLET = Pattern.compile("^(?:[-*•·▪►□◦○●]|\\d{1,3}[.)])\\s+");
    private static final Pattern SITE_ICON = Pattern.compile("(?i)^Site icon\\s+(.+)$");

    private final Pattern chrome;
    private final Optional<Pattern> keep;
    private final Map<String, Optional<Pattern>> sourceChrome = new TreeMap<>();
    private final Map<String, Optional<Pattern>> sourceKeep = new TreeMap<>();

    ChromeLines(CleanRules rules) {
        List<String> patterns = new ArrayList<>(bundled());
        patterns.addAll(rules.chrome());
        this.chrome = union(patterns).orElseThrow();
        this.keep = union(rules.keep());
        rules.sources().forEach((name, r) -> {
            sourceChrome.put(name, union(r.chrome()));
            sourceKeep.put(name, union(r.keep()));
        });
    }

    /** The site name a {@code Site icon NAME} line announces, if this is such a line. */
    static Optional<String> siteIcon(String line) {
        var m = SITE_ICON.matcher(line.strip());
        return m.matches() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    /** Whether a line (of the given source, when known) is chrome. */
    boolean isChrome(String line, Optional<String> source) {
        // A list bullet in a text scrape ("• Share on Facebook") does not make a line less chrome.
        String s = BULLET.matcher(line.strip()).replaceFirst("");
        if (s.isEmpty()) return false;
        if (matches(keep, s) || source.flatMap(this::sourceKeep).map(p -> p.matcher(s).matches()).orElse(false)) {
            return false;
        }
        return chrome.matcher(s).matches()
                || source.flatMap(this::sourceChrome).map(p -> p.matcher(s).matches()).orElse(false);
    }

    private Optional<Pattern> sourceChrome(String source) {
        return sourceChrome.getOrDefault(source, Optional.empty());
    }

    private Optional<Pattern> sourceKeep(String source) {
        return sourceKeep.getOrDefault(source, Optional.empty());
    }

    private static boolean matches(Optional<Pattern> p, String s) {
        return p.isPresent() && p.get().matcher(s).matches();
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
