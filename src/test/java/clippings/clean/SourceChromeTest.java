package clippings.clean;

import clippings.model.InputFormat;
import clippings.model.RawArticle;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceChromeTest {
    private static RawArticle scrape(String folder, int n, String... extra) {
        StringBuilder text = new StringBuilder("Daily Example Radio\n\nStory number " + n + " has a headline of its own\n\n");
        text.append("This is the body of story ").append(n).append(", which no other story shares with it.\n\n");
        for (String line : extra) text.append(line).append("\n\n");
        text.append("Listen live every weekday from six\n");
        return new RawArticle(folder + "/story-" + n + ".txt", InputFormat.TEXT, text.toString(), "-", "UTF-8");
    }

    @Test
    void linesInMostScrapesOfASourceAreChrome() {
        List<RawArticle> corpus = new ArrayList<>();
        for (int i = 0; i < 6; i++) corpus.add(scrape("radio", i));
        SourceChrome chrome = SourceChrome.learn(corpus);
        assertTrue(chrome.isChrome("radio/x.txt", Optional.empty(), "Listen live every weekday from six"));
        assertTrue(chrome.isChrome("radio/x.txt", Optional.empty(), "  Daily Example Radio "));
        assertFalse(chrome.isChrome("radio/x.txt", Optional.empty(), "Story number 1 has a headline of its own"));
        // Another source's scrapes are not touched by what this one repeats.
        assertFalse(chrome.isChrome("tv/x.txt", Optional.empty(), "Listen live every weekday from six"));
    }

    /**
     * A build keeps each scrape's contribution and learns from those without reading unchanged scrapes again: it
     * must learn exactly what learning from the texts does, and the digest of what was learnt for a source
     * changes when, and only when, that source's chrome does.
     */
    @Test
    void eachScrapesLinesTeachWhatTheScrapesTeach() {
        List<RawArticle> corpus = new ArrayList<>();
        for (int i = 0; i < 6; i++) corpus.add(scrape("radio", i));
        for (int i = 0; i < 5; i++) corpus.add(scrape("tv", i, "Watch again on demand"));
        List<ScrapeLines> lines = corpus.stream().map(r -> SourceChrome.linesOf(r).orElseThrow()).toList();
        SourceChrome fromLines = SourceChrome.learnFromLines(lines);
        SourceChrome fromTexts = SourceChrome.learn(corpus);
        for (String line : List.of("Listen live every weekday from six", "Watch again on demand", "Daily Example Radio",
                "Story number 1 has a headline of its own")) {
            for (String origin : List.of("radio/x.txt", "tv/x.txt")) {
                assertEquals(fromTexts.isChrome(origin, Optional.empty(), line),
                        fromLines.isChrome(origin, Optional.empty(), line), origin + ": " + line);
            }
        }
        String radio = fromLines.learntFor(lines.get(0).source());
        String tv = fromLines.learntFor(lines.get(6).source());
        assertFalse(radio.isEmpty());
        assertNotEquals(radio, tv);
        List<RawArticle> more = new ArrayList<>(corpus);
        for (int i = 10; i < 16; i++) more.add(scrape("tv", i, "Watch again on demand", "Subscribe to the TV newsletter"));
        SourceChrome learnt = SourceChrome.learn(more);
        assertEquals(radio, learnt.learntFor(lines.get(0).source()), "radio's chrome did not change");
        assertNotEquals(tv, learnt.learntFor(lines.get(6).source()), "tv's did");
    }

    /** A quote that two stories share is not chrome: it must recur in many scrapes and half of them. */
    @Test
    void aQuoteRepeatedInTwoStoriesIsKept() {
        String quote = "\u201cWe will not give up,\u201d the mayor said.";
        List<RawArticle> corpus = new ArrayList<>();
        for (int i = 0; i < 8; i++) corpus.add(i < 2 ? scrape("radio", i, quote) : scrape("radio", i));
        assertFalse(SourceChrome.learn(corpus).isChrome("radio/x.txt", Optional.empty(), quote));
    }

    @Test
    void learnsNothingFromTooFewScrapes() {
        List<RawArticle> corpus = List.of(scrape("radio", 1), scrape("radio", 2), scrape("radio", 3));
        assertFalse(SourceChrome.learn(corpus).isChrome("radio/x.txt", Optional.empty(), "Listen live every weekday from six"));
    }
}
