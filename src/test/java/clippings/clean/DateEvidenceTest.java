package clippings.clean;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DateEvidenceTest {
    private final DateEvidence dates = new DateEvidence(LocalDate.of(2020, 1, 1));

    @Test
    void theDayMostSourcesAgreeOnWinsAndKeepsItsMostPreciseForm() {
        dates.iso(Optional.of("2019-11-18"), "url", 2);
        dates.iso(Optional.of("2019-11-18T10:45:00-05:00"), "json-ld:datePublished", 4);
        dates.iso(Optional.of("2019-11-19T08:00:00Z"), "time", 1);
        DateEvidence.Choice c = dates.choose().orElseThrow();
        assertEquals("2019-11-18T10:45:00-05:00", c.date().iso());
        assertEquals("json-ld:datePublished", c.source());
    }

    @Test
    void rejectsDatesAfterTheCaptureAndAbsurdlyEarlyOnes() {
        dates.iso(Optional.of("2031-05-01"), "meta:date", 4);
        dates.iso(Optional.of("1970-01-01T00:00:00Z"), "json-ld:datePublished", 4);
        assertTrue(dates.choose().isEmpty());
    }

    @Test
    void readsProseDatesInMetaTags() {
        dates.prose(Optional.of("November 19, 2019"), "meta:date", 2);
        assertEquals("2019-11-19", dates.choose().orElseThrow().date().iso());
    }

    /** A page that states its date only where it shows it, by the headline (PanARMENIAN.Net, the sample). */
    @Test
    void theDateAPageShowsByItsHeadlineIsEvidenceToo() {
        String page = "<html><body><div class=\"sidebar\"><span class=\"date\">March 3, 2018</span></div>"
                + "<h1>Headline</h1><div class=\"article_date\">November 20, 2019 - 11:28 AMT</div><p>Text.</p>"
                + "<ul class=\"related\"><li><span class=\"date\">Nov 2, 2019</span></li></ul></body></html>";
        var pm = MetadataReader.read(org.jsoup.Jsoup.parse(page), LocalDate.of(2020, 1, 1));
        assertEquals("2019-11-20T11:28", pm.meta().date().orElseThrow().iso().substring(0, 16),
                "the first date after the h1, not the sidebar's before it");
        assertEquals(Optional.of("visible date"), pm.dateSource());

        String updated = "<html><body><h1>Headline</h1><p class=\"updated-date\">December 1, 2019</p>"
                + "<p class=\"date\">Updated: December 2, 2019</p><p>Text.</p></body></html>";
        assertTrue(MetadataReader.read(org.jsoup.Jsoup.parse(updated), LocalDate.of(2020, 1, 1)).meta().date().isEmpty(),
                "an update date is not a publication date");

        String stated = "<html><head><meta property=\"article:published_time\" content=\"2019-11-18T10:00:00Z\">"
                + "</head><body><h1>Headline</h1><span class=\"date\">November 20, 2019</span></body></html>";
        assertEquals("2019-11-18T10:00:00Z",
                MetadataReader.read(org.jsoup.Jsoup.parse(stated), LocalDate.of(2020, 1, 1)).meta().date().orElseThrow().iso(),
                "a meta tag outweighs what the page shows");
    }

    /** Al Jazeera's script-written stamps, and no month made up from two ("anf" is not in the calendar). */
    @Test
    void readsTheJavaScriptDateScriptsWriteIntoTimeElements() {
        String page = "<html><body><h1>Headline</h1><time class=\"timeagofunction\" "
                + "datetime=\"Tue Nov 19 2019 05:44:06 GMT+0000\">5 hours ago</time><p>Text.</p></body></html>";
        assertEquals("2019-11-19T05:44:06Z", MetadataReader.read(org.jsoup.Jsoup.parse(page), LocalDate.of(2020, 1, 1))
                .meta().date().orElseThrow().iso());
        assertEquals(Optional.empty(), clippings.model.ArticleDate.parseJavaScript("Tue Anf 19 2019 05:44:06 GMT+0000"));
        assertEquals(Optional.empty(), clippings.model.ArticleDate.parseJavaScript("Tue Nov 31 2019 05:44:06 GMT+0000"));
        assertEquals("2019-11-19T10:15:23+01:00", clippings.model.ArticleDate.parseJavaScript(
                "Tue Nov 19 2019 10:15:23 GMT+0100 (Central European Standard Time)").orElseThrow().iso());
    }
}
