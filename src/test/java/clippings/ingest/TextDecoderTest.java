package clippings.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextDecoderTest {
    @Test
    void controlCharactersNeverSurvive() {
        TextDecoder.Decoded d = TextDecoder.decode("a\u0000b\u0007c\u001bd\u0085e\u009ff\tg\nh\r\n\uFFFF".getBytes(StandardCharsets.UTF_8), false);
        assertEquals("abcdef\tg\nh\r\n", d.text());
    }

    @Test
    void replacementCharacterOnlyWhenTheSourceHasIt() {
        byte[] undefinedIn1252 = {'a', (byte) 0x81, 'b', (byte) 0x9D, (byte) 0xE9};
        String text = TextDecoder.decode(undefinedIn1252, false).text();
        assertFalse(text.contains("\uFFFD"), text);
        assertEquals("ab\u00e9", text);
        String kept = TextDecoder.decode("a\uFFFDb".getBytes(StandardCharsets.UTF_8), false).text();
        assertEquals("a\uFFFDb", kept);
    }

    @Test
    void declaredCharsetIsMappedAsBrowsersDo() {
        byte[] bytes = "<meta charset=\"ISO-8859-1\"><p>\u20ac 5 \u2013 caf\u00e9</p>".getBytes(Charset.forName("windows-1252"));
        TextDecoder.Decoded d = TextDecoder.decode(bytes, true);
        assertTrue(d.text().contains("\u20ac 5 \u2013 caf\u00e9"), d.text());
        assertEquals("windows-1252 (declared by the page)", d.encoding());
    }

    @Test
    void otherDeclaredCharsetsAreUsed() {
        String russian = "<meta http-equiv=Content-Type content=\"text/html; charset=koi8-r\"><p>Привет, мир</p>";
        TextDecoder.Decoded d = TextDecoder.decode(russian.getBytes(Charset.forName("KOI8-R")), true);
        assertTrue(d.text().contains("Привет, мир"), d.text());
        assertEquals("KOI8-R (declared by the page)", d.encoding());
    }

    @Test
    void undeclaredNonLatinTextIsDetected() {
        String text = "Москва. Президент России заявил сегодня, что переговоры о мире продолжатся в понедельник, "
                + "несмотря на разногласия между сторонами. Оппозиция отказалась участвовать во встрече.";
        TextDecoder.Decoded d = TextDecoder.decode(text.getBytes(Charset.forName("windows-1251")), false);
        assertEquals(text, d.text());
        assertTrue(d.encoding().startsWith("windows-1251 (detected"), d.encoding());
    }

    @Test
    void binaryIsRecognised() {
        assertTrue(TextDecoder.looksBinary(new byte[] {'P', 'K', 3, 4, 0, 0}));
        assertFalse(TextDecoder.looksBinary("plain text\n".getBytes(StandardCharsets.UTF_8)));
        assertFalse(TextDecoder.looksBinary(new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0}), "UTF-16 is text");
        assertTrue(TextDecoder.looksBinary(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n'}));
        byte[] strayNul = "A long enough line of text with one stray NUL byte \u0000 in the middle of it, and more text after it."
                .getBytes(StandardCharsets.UTF_8);
        assertFalse(TextDecoder.looksBinary(strayNul));
        java.util.Random random = new java.util.Random(42);
        byte[] noise = new byte[4096];
        random.nextBytes(noise);
        assertTrue(TextDecoder.looksBinary(noise), "random bytes");
    }
}
