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

    /**
     * A process that builds again and again (serve, the daemon) relearns only the sources whose scrapes changed:
     * after each change it knows exactly what learning from scratch does.
     */
    @Test
    void learningAgainInOneProcessLearnsWhatLearningAfreshDoes() {
        clippings.cache.ProcessMemory.keep();
        List<ScrapeLines> lines = new ArrayList<>();
        for (int i = 0; i < 6; i++) lines.add(SourceChrome.linesOf(scrape("radio", i)).orElseThrow());
        for (int i = 0; i < 5; i++) lines.add(SourceChrome.linesOf(scrape("tv", i, "Watch again on demand")).orElseThrow());
        List<List<ScrapeLines>> steps = new ArrayList<>();
        steps.add(List.copyOf(lines));
        steps.add(List.copyOf(lines)); // nothing changed
        lines.set(7, SourceChrome.linesOf(scrape("tv", 7, "Subscribe to the TV newsletter")).orElseThrow());
        steps.add(List.copyOf(lines)); // one tv scrape edited: its usual chrome line is gone
        lines.set(8, SourceChrome.linesOf(scrape("tv", 8, "Subscribe to the TV newsletter")).orElseThrow());
        lines.set(9, SourceChrome.linesOf(scrape("tv", 9, "Subscribe to the TV newsletter")).orElseThrow());
        steps.add(List.copyOf(lines)); // now most tv scrapes lack it
        lines.remove(0);
        lines.remove(0);
        lines.remove(0);
        steps.add(List.copyOf(lines)); // radio falls under the minimum
        List<String> probes = List.of("Listen live every weekday from six", "Watch again on demand",
                "Subscribe to the TV newsletter", "Daily Example Radio");
        for (List<ScrapeLines> step : steps) {
            SourceChrome again = SourceChrome.learnFromLines(step);
            clippings.cache.ProcessMemory.forget();
            SourceChrome afresh = SourceChrome.learnFromLines(step);
            clippings.cache.ProcessMemory.keep();
            SourceChrome.learnFromLines(step); // what the next step's learning starts from
            for (String source : List.of(step.get(0).source(), step.get(step.size() - 1).source())) {
                assertEquals(afresh.learntFor(source), again.learntFor(source), source);
            }
            for (String line : probes) {
                for (String origin : List.of("radio/x.txt", "tv/x.txt")) {
                    assertEquals(afresh.isChrome(origin, Optional.empty(), line),
                            again.isChrome(origin, Optional.empty(), line), origin + ": " + line);
                }
            }
        }
        assertFalse(SourceChrome.learnFromLines(steps.get(3)).isChrome("tv/x.txt", Optional.empty(), "Watch again on demand"));
        assertTrue(SourceChrome.learnFromLines(steps.get(2)).isChrome("tv/x.txt", Optional.empty(), "Watch again on demand"));
    }
}
