package clippings.taxonomy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Makes URL slugs: lower-case ASCII words joined by hyphens, transliterated from any script
 * ({@code Бейрут} → {@code bejrut}, {@code 東京} → {@code dong-jing}), capped in length, never empty and never a
 * name that a file system reserves.
 * <p>Thread-safe; the transliterator is built once and shared ({@link CachedTransliterator}).
 */
public final class Slugger {
    /** Slugs stay well below the 200-byte file-name limit once a suffix and extension are added. */
    public static final int MAX_LENGTH = 80;
    private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4",
            "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8",
            "lpt9", "index", "page", "feed", "tags", "archive", "sources", "search");

    private final CachedTransliterator toAscii = new CachedTransliterator("Any-Latin; Latin-ASCII; Lower");

    /** The slug of a text, or {@code fallbackPrefix-<hash>} when no letter or digit survives. */
    public String slug(String text, String fallbackPrefix) {
        String s = hyphenated(ascii(text).toLowerCase(Locale.ROOT).replace("'", "").replace("’", ""));
        if (s.length() > MAX_LENGTH) {
            int cut = s.lastIndexOf('-', MAX_LENGTH);
            s = s.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH);
        }
        if (s.isEmpty()) return fallbackPrefix + "-" + shortHash(text, 8);
        if (RESERVED.contains(s)) return s + "-1";
        return s;
    }

    /**
     * The text in ASCII. ASCII text is its own transliteration (the transliterator changes only other
     * characters, and the slug is lower-cased anyway), so only other text takes the lock and ICU's time.
     */
    private String ascii(String text) {
        return CachedTransliterator.isAscii(text) ? text : toAscii.transliterate(text);
    }

    /** Runs of anything but {@code a-z0-9} become one hyphen, and none is left at either end. */
    private static String hyphenated(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean gap = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                if (gap && b.length() > 0) b.append('-');
                b.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return b.toString();
    }

    /** The first {@code hexChars} hex digits of the SHA-256 of a text. */
    public static String shortHash(String text, int hexChars) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, hexChars);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
