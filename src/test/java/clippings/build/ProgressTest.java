package clippings.build;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressTest {
    @Test
    void logsGetOneLinePerPhase() {
        StringWriter s = new StringWriter();
        Progress p = Progress.lines(new PrintWriter(s));
        p.begin("articles", 3);
        p.advance();
        p.end("articles", 12, "3 articles");
        assertEquals("articles      12 ms  3 articles" + System.lineSeparator(), s.toString());
    }

    @Test
    void aTerminalSeesCountTotalAndRateRedrawnThenThePhaseLine() {
        StringWriter s = new StringWriter();
        AtomicLong now = new AtomicLong();
        Progress.LiveProgress p = new Progress.LiveProgress(new PrintWriter(s), now::get);
        p.begin("articles", 10_000);
        for (int i = 0; i < 2_500; i++) p.advance();
        p.draw();
        assertEquals("", s.toString(), "nothing is drawn during the first second");
        now.set(2_000_000_000L);
        p.draw();
        assertTrue(s.toString().contains("articles  2,500/10,000  1,250/s  2 s"), s.toString());
        p.end("articles", 2000, "10000 articles");
        String out = s.toString();
        assertTrue(out.endsWith("\r" + " ".repeat("articles  2,500/10,000  1,250/s  2 s".length()) + "\r"
                + "articles    2000 ms  10000 articles" + System.lineSeparator()), out);
    }
}
