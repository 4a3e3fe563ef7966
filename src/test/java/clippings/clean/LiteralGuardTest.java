package clippings.clean;

import clippings.model.CleanRules;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiteralGuardTest {
    @Test
    void aPatternThatBeginsAnywhereIsGuardedByItsLongestLiteralRun() {
        assertEquals(Optional.of("cookies"), LiteralGuard.of(".{0,300}\\bcookies\\b.{0,300}\\b(website|browser)\\b.{0,400}"));
        assertEquals(Optional.of("all rights reserved"), LiteralGuard.of(".{0,80}All rights reserved\\.?"));
        // Ties go to the later run.
        assertEquals(Optional.of("new "), LiteralGuard.of(".{0,80}\\b(opens?|will open) in (a )?new (window|tab)\\W{0,3}"));
        assertEquals(Optional.of("abc"), LiteralGuard.of(".*abcd?"));
        assertEquals(Optional.of("abc"), LiteralGuard.of(".*[xyz]+abc"));
        assertEquals(Optional.of(".com"), LiteralGuard.of(".*\\.com\\b"));
        assertEquals(Optional.of(" of story"), LiteralGuard.of(".*(?:End|end) of story"));
    }

    @Test
    void whatTheParseDoesNotUnderstandGivesNoGuard() {
        for (String p : List.of(
                "Exit mobile version",              // begins with a letter: fails fast without a guard
                ".*abc|def",                        // top-level alternation
                ".*(abc|def)",                      // no literal outside a group
                ".*\\Qabc\\E",                      // quoting
                ".*(?x)a b c",                      // flags
                ".*\\x41BCD",                       // an escape with an argument
                ".*[]abc]xyz",                      // a class the parse does not read
                ".*ab",                             // too short to spare anything
                ".*(abc")) {                        // unbalanced
            assertEquals(Optional.empty(), LiteralGuard.of(p), p);
        }
    }

    @Test
    void foldingIsTheUnicodeCaseInsensitiveComparison() {
        Pattern p = Pattern.compile("cookies", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        // The Kelvin sign and the long s fold to ASCII letters, and the pattern accepts them.
        for (String s : List.of("COOKIES", "CooKieS", "coo\u212Aies", "cookie\u017F")) {
            assertTrue(p.matcher(s).matches(), s);
            assertEquals("cookies", LiteralGuard.fold(s), s);
        }
    }

    /** Every bundled pattern, guarded, judges every line as the pattern alone does. */
    @Test
    void guardedPatternsJudgeLinesAsThePatternsDo() throws IOException {
        List<String> lines = lines();
        List<String> patterns = bundled();
        int guardedPatterns = 0;
        for (String p : patterns) {
            if (LiteralGuard.of(p).isEmpty()) continue;
            guardedPatterns++;
            Pattern plain = Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            ChromeLines.Scope scope = new ChromeLines.Scope(List.of(p), List.of());
            int matched = 0;
            for (String line : lines) {
                String s = ChromeLines.Scope.unbulleted(line);
                boolean expected = !s.isEmpty() && plain.matcher(s).matches();
                assertEquals(expected, scope.isChrome(line), p + " on: " + line);
                if (expected) matched++;
            }
            assertTrue(matched > 0, "no sample line is chrome for " + p);
        }
        assertTrue(guardedPatterns >= 4, "guarded: " + guardedPatterns);
    }

    @Test
    void theWholeListJudgesLinesAsItsUnionDoes() throws IOException {
        List<String> patterns = bundled();
        Pattern union = Pattern.compile(String.join("|", patterns.stream().map(p -> "(?:" + p + ")").toList()),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        ChromeLines.Scope scope = new ChromeLines(CleanRules.defaults()).forSource(SourceIdentity.UNKNOWN);
        for (String line : lines()) {
            String s = ChromeLines.Scope.unbulleted(line);
            assertEquals(!s.isEmpty() && union.matcher(s).matches(), scope.isChrome(line), line);
        }
        assertFalse(scope.isChrome("Residents said the cookies were handed out at the station."));
        assertTrue(scope.isChrome("We use cookies to improve your experience on our website."));
        assertTrue(scope.isChrome("By clicking accept you agree that this WEBSITE may store COOKIE\u017F on your device"));
    }

    /** Lines of the sample archive and the cleaning cases, and variants with the guarded words in them. */
    private static List<String> lines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path root : List.of(Path.of("content"), Path.of("src/test/resources/cases/clean"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                    text.lines().filter(l -> l.length() < 2000).forEach(lines::add);
                }
            }
        }
        Random random = new Random(7);
        List<String> words = List.of("cookies", "COOKIES", "Coo\u212Aies", "cookie\u017F", "website", "privacy",
                "All Rights Reserved.", "all rights reserved", "opens in a new window", "will open in new TAB", "©");
        List<String> variants = new ArrayList<>();
        for (String line : lines.subList(0, Math.min(lines.size(), 4000))) {
            if (random.nextInt(4) != 0) continue;
            String w = words.get(random.nextInt(words.size()));
            int at = line.isEmpty() ? 0 : random.nextInt(line.length());
            variants.add(line.substring(0, at) + w + line.substring(at));
            variants.add(w + " " + words.get(random.nextInt(words.size())) + " " + line.substring(0, Math.min(60, line.length())));
        }
        lines.addAll(variants);
        lines.addAll(List.of("We use cookies to give you the best experience on our website.",
                "This site uses cookies. By continuing you consent to their use.",
                "Copyright 2024 Example News. All rights reserved.",
                "(opens in a new window)", "Link opens in new tab"));
        return lines;
    }

    private static List<String> bundled() throws IOException {
        try (var in = ChromeLines.class.getResourceAsStream("/clippings/clean/chrome-lines.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }
}
