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
}
