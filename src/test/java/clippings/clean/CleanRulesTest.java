package clippings.clean;

import clippings.model.CleanRules;
import clippings.model.InputFormat;
import clippings.model.RawArticle;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of {@code clippings.yml} add chrome and protect text, per source, in text scrapes and HTML (issue 3). */
class CleanRulesTest {
    private static final String P1 = "The harbour was closed on Monday as the storm reached the coast, and ferries stayed"
            + " in port all day while the wind blew at more than a hundred kilometres an hour.";
    private static final String P2 = "Engineers will inspect the outer wall on Tuesday, the port authority said, before"
            + " any boat may leave, and the first ferries could sail again on Wednesday morning.";

    private static CleanRules.Patterns patterns(List<String> chrome, List<String> keep, List<String> chromeCss,
                                                List<String> keepCss) {
        return new CleanRules.Patterns(chrome, keep, chromeCss, keepCss);
    }

    private static CleanRules forSource(String key, CleanRules.Patterns p) {
        return new CleanRules(CleanRules.Patterns.none(), Map.of(key, p));
    }

    private static String text(CleanRules rules, String scrape) {
        ArticleCleaner cleaner = new ArticleCleaner(rules, new HtmlSanitiser());
        return PlainText.of(cleaner.clean(new RawArticle("s.txt", InputFormat.TEXT, scrape, "-", "UTF-8")).bodyHtml());
    }

    private static String html(CleanRules rules, String body) {
        return PlainText.of(bodyHtml(rules, body));
    }

    private static String bodyHtml(CleanRules rules, String body) {
        String page = "<html><head><title>Storm closes harbour</title><meta property='og:site_name' content='Coast News'>"
                + "<link rel=canonical href='https://www.coast.example/harbour'></head><body>" + body + "</body></html>";
        ArticleCleaner cleaner = new ArticleCleaner(rules, new HtmlSanitiser());
        return cleaner.clean(new RawArticle("p.html", InputFormat.HTML, page, "-", "UTF-8")).bodyHtml();
    }

    @Test
    void aSourcesChromePatternDropsLinesOfThatSourceOnly() {
        String scrape = "Site icon Coast News\n\nStorm closes harbour\n\n" + P1 + "\n\nListen to the harbour master\n\n" + P2 + "\n";
        CleanRules rules = forSource("coast news", patterns(List.of("Listen to .*"), List.of(), List.of(), List.of()));
        assertEquals(P1 + "\n\n" + P2, text(rules, scrape));
        String other = scrape.replace("Coast News", "Inland News");
        assertEquals(P1 + "\n\nListen to the harbour master\n\n" + P2, text(rules, other));
    }

    /** A protected line is kept even where the article finder would leave it out, far below the story. */
    @Test
    void aKeepPatternProtectsALineOutsideTheArticle() {
        String scrape = "Storm closes harbour\n\n" + P1 + "\n\n" + P2 + "\n\n• Home\n\n• Weather\n\n• Sport\n\n"
                + "Correction: an earlier version gave the wrong day\n\n• Contact\n";
        CleanRules rules = new CleanRules(patterns(List.of(), List.of("Correction: .*"), List.of(), List.of()), Map.of());
        assertEquals(P1 + "\n\n" + P2, text(CleanRules.defaults(), scrape));
        assertEquals(P1 + "\n\n" + P2 + "\n\nCorrection: an earlier version gave the wrong day", text(rules, scrape));
    }

    @Test
    void aKeepPatternBeatsAChromePattern() {
        String scrape = "Storm closes harbour\n\n" + P1 + "\n\nAdvertisement\n\n" + P2 + "\n";
        assertEquals(P1 + "\n\n" + P2, text(CleanRules.defaults(), scrape));
        CleanRules rules = new CleanRules(patterns(List.of(), List.of("Advertisement"), List.of(), List.of()), Map.of());
        assertEquals(P1 + "\n\nAdvertisement\n\n" + P2, text(rules, scrape));
    }

    @Test
    void aChromeSelectorOfAHostRemovesItsBlocks() {
        String body = "<article><p>" + P1 + "</p><div class=tides><p>High tide comes early in the afternoon and low tide late in the"
                + " evening, for anyone who plans a walk on the harbour wall.</p></div><p>" + P2 + "</p></article>";
        assertEquals(true, html(CleanRules.defaults(), body).contains("High tide"));
        CleanRules rules = forSource("coast.example", patterns(List.of(), List.of(), List.of("div.tides"), List.of()));
        assertEquals(P1 + "\n\n" + P2, html(rules, body));
        CleanRules elsewhere = forSource("other.example", patterns(List.of(), List.of(), List.of("div.tides"), List.of()));
        assertEquals(true, html(elsewhere, body).contains("High tide"));
    }

    /** An aside is pruned as chrome before the article is looked for, unless a keep selector protects it. */
    @Test
    void aKeepSelectorProtectsAnAsideOutsideTheArticle() {
        String fact = "Fact box: the harbour wall was built in 1887 and last repaired in 1990.";
        String body = "<article><p>" + P1 + "</p><p>" + P2 + "</p></article><aside class=factbox><p>" + fact + "</p></aside>";
        assertEquals(P1 + "\n\n" + P2, html(CleanRules.defaults(), body));
        CleanRules rules = forSource("Coast News", patterns(List.of(), List.of(), List.of(), List.of("aside.factbox")));
        assertEquals(P1 + "\n\n" + P2 + "\n\n" + fact, html(rules, body));
    }

    /** Short date lines are trimmed from a written body, but not when the page's own block is protected. */
    @Test
    void aKeepSelectorSparesABlockFromTrimming() {
        String body = "<article><p>" + P1 + "</p><p class=update>Updated 19 November 2019</p><p>" + P2 + "</p></article>";
        assertEquals(P1 + "\n\n" + P2, html(CleanRules.defaults(), body));
        CleanRules rules = forSource("coast.example", patterns(List.of(), List.of(), List.of(), List.of("p.update")));
        assertEquals(P1 + "\n\nUpdated 19 November 2019\n\n" + P2, html(rules, body));
        assertFalse(bodyHtml(rules, body).contains("data-"), "the mark does not reach the published body");
    }

    @Test
    void aKeepPatternProtectsAShortBlockOfAPage() {
        String body = "<article><p>" + P1 + "</p><p>Read more</p><p>" + P2 + "</p></article>";
        assertEquals(P1 + "\n\n" + P2, html(CleanRules.defaults(), body));
        CleanRules rules = forSource("coast.example", patterns(List.of(), List.of("Read more"), List.of(), List.of()));
        assertEquals(P1 + "\n\nRead more\n\n" + P2, html(rules, body));
    }

    @Test
    void aSourceKeyIsASiteNameOrAHostWithItsSubdomains() {
        SourceIdentity id = SourceIdentity.of(Optional.of("BBC News"), Optional.of("https://www.bbc.co.uk/news/x"));
        assertTrue(id.matches("bbc news"));
        assertTrue(id.matches("bbc.co.uk"));
        assertTrue(id.matches("www.bbc.co.uk"));
        assertFalse(id.matches("co.uk.example"));
        assertFalse(id.matches("c.co.uk"));
        assertFalse(SourceIdentity.UNKNOWN.matches("bbc.co.uk"));
    }
}
