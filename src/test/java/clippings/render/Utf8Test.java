package clippings.render;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Pages are encoded from characters with the bytes {@code String.getBytes(UTF_8)} gives (#7). */
class Utf8Test {
    @Test
    void everyWidthAndUnpairedSurrogates() {
        for (String s : new String[]{"", "plain ASCII", "Zoë ş ı ß", "— “quotes” € 中文", "emoji 😀 and 𝄞",
                "lone high \uD83D at end \uD83D", "lone low \uDE00 here", "reversed \uDE00\uD83D pair", "\uDBFF\uDFFF\uFFFF"}) {
            assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), Utf8.encode(s.toCharArray(), s.length()), s);
        }
    }

    @Test
    void randomCharactersIncludingSurrogates() {
        Random random = new Random(11);
        for (int round = 0; round < 2_000; round++) {
            char[] chars = new char[random.nextInt(40)];
            for (int i = 0; i < chars.length; i++) {
                // Mostly the ranges where the encoding's width changes, and surrogates in any order.
                chars[i] = switch (random.nextInt(5)) {
                    case 0 -> (char) random.nextInt(0x80);
                    case 1 -> (char) (0x80 + random.nextInt(0x780));
                    case 2 -> (char) (0xD800 + random.nextInt(0x800));
                    default -> (char) random.nextInt(0x10000);
                };
            }
            String s = new String(chars);
            int length = chars.length == 0 ? 0 : random.nextInt(chars.length + 1);
            assertArrayEquals(s.substring(0, length).getBytes(StandardCharsets.UTF_8), Utf8.encode(chars, length), s);
        }
    }
}
