package clippings.clean;

import clippings.model.InputFormat;
import clippings.model.RawArticle;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
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
