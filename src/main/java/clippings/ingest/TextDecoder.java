package clippings.ingest;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes the bytes of a capture as a browser would: byte-order mark, then strict UTF-8, then the charset the
 * page declares (with the WHATWG label mapping, so {@code iso-8859-1} means windows-1252), then ICU's
 * detection, then windows-1252. The chosen encoding and the reason are recorded.
 * <p>Stateless and thread-safe.
 */
final class TextDecoder {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern META_CHARSET = Pattern.compile(
            "(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([a-z0-9_:.-]+)");

    /** Decoded text and how its encoding was chosen. */
    record Decoded(String text, String encoding) {
    }

    private TextDecoder() {
    }

    /** Decodes, then drops control characters so that none can reach HTML or XML output. */
    static Decoded decode(byte[] bytes, boolean html) {
        Decoded d = decodeRaw(bytes, html);
        return new Decoded(withoutControls(d.text()), d.encoding());
    }

    private static Decoded decodeRaw(byte[] bytes, boolean html) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8 (byte-order mark)");
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE (byte-order mark)");
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE (byte-order mark)");
        }
        Optional<String> strict = strictUtf8(bytes);
        if (strict.isPresent()) return new Decoded(strict.get(), "UTF-8 (valid UTF-8)");
        if (html) {
            Optional<Charset> declared = declared(bytes);
            if (declared.isPresent() && declared.get().equals(WINDOWS_1252)) {
                return new Decoded(windows1252(bytes), "windows-1252 (declared by the page)");
            }
            if (declared.isPresent() && !declared.get().equals(StandardCharsets.UTF_8)) {
                return new Decoded(new String(bytes, declared.get()), declared.get().name() + " (declared by the page)");
            }
        }
        Optional<Decoded> detected = detect(bytes);
        if (detected.isPresent()) return detected.get();
        return new Decoded(windows1252(bytes), "windows-1252 (not valid UTF-8, nothing declared or detected; fallback)");
    }

    /** ICU's statistical detection, trusted only when it is fairly sure of a charset Java can decode. */
    private static Optional<Decoded> detect(byte[] bytes) {
        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes);
        CharsetMatch match = detector.detect();
        if (match == null || match.getConfidence() < 50) return Optional.empty();
        String name = match.getName();
        if (name.equalsIgnoreCase("UTF-8") || name.equalsIgnoreCase("ISO-8859-1") || name.equalsIgnoreCase("windows-1252")) {
            // Invalid UTF-8 is not UTF-8; and Latin-1 is read as windows-1252, as browsers do.
            return Optional.empty();
        }
        try {
            Charset cs = Charset.forName(name);
            String text = new String(bytes, cs);
            // A guess that cannot decode every byte is a wrong guess.
            if (text.indexOf('\uFFFD') >= 0) return Optional.empty();
            return Optional.of(new Decoded(text, cs.name() + " (detected, confidence "
                    + match.getConfidence() + ")"));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * windows-1252 as the WHATWG Encoding Standard defines it: the five bytes Java leaves undefined (0x81, 0x8D,
     * 0x8F, 0x90, 0x9D) become the C1 controls of the same value instead of U+FFFD, so no replacement character
     * appears that the source did not have.
     */
    static String windows1252(byte[] bytes) {
        String s = new String(bytes, WINDOWS_1252);
        if (s.indexOf('\uFFFD') < 0) return s;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < bytes.length; i++) {
            char c = s.charAt(i);
            sb.append(c == '\uFFFD' ? (char) (bytes[i] & 0xff) : c);
        }
        return sb.toString();
    }

    /**
     * Drops NUL and the other C0 and C1 control characters (keeping tab and line breaks) and the
     * noncharacters U+FFFE and U+FFFF: they are invalid in HTML and XML and never part of an article.
     */
    static String withoutControls(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)
                    || c == '\uFFFE' || c == '\uFFFF';
            if (bad && sb == null) sb = new StringBuilder(s.length()).append(s, 0, i);
            if (!bad && sb != null) sb.append(c);
        }
        return sb == null ? s : sb.toString();
    }

    /** Magic numbers of common binary formats that end up renamed as .html or .txt. */
    private static final int[][] MAGIC = {
            {0x89, 'P', 'N', 'G'}, {0xFF, 0xD8, 0xFF}, {'G', 'I', 'F', '8'}, {'%', 'P', 'D', 'F'},
            {'P', 'K', 0x03, 0x04}, {0x1F, 0x8B}, {'R', 'I', 'F', 'F'}, {0x7F, 'E', 'L', 'F'}, {'B', 'Z', 'h'},
            {0xFD, '7', 'z', 'X', 'Z'}, {'7', 'z', 0xBC, 0xAF}, {0x00, 0x00, 0x01, 0x00}, {'w', 'O', 'F', 'F'},
            {0xCA, 0xFE, 0xBA, 0xBE}};

    /**
     * Whether the bytes look like a binary file (image, archive, random bytes) rather than text: a known magic
     * number, or more than a few NULs and control bytes. A stray NUL in a text scrape does not make it binary;
     * it is dropped when decoding.
     */
    static boolean looksBinary(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF) || startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
            return false;
        }
        for (int[] magic : MAGIC) if (startsWith(bytes, magic)) return true;
        int n = Math.min(bytes.length, 8192);
        int suspicious = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b < 0x09 || (b > 0x0d && b < 0x20 && b != 0x1b)) suspicious++;
        }
        return suspicious > 4 && suspicious * 100 > n;
    }

    private static Optional<String> strictUtf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static Optional<Charset> declared(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (!m.find()) return Optional.empty();
        String label = m.group(1).toLowerCase(Locale.ROOT);
        // WHATWG Encoding: these labels all mean windows-1252 in a browser.
        if (label.equals("iso-8859-1") || label.equals("latin1") || label.equals("us-ascii") || label.equals("ascii")
                || label.equals("iso8859-1") || label.equals("l1") || label.equals("cp1252")) {
            return Optional.of(WINDOWS_1252);
        }
        try {
            return Optional.of(Charset.forName(label));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((bytes[i] & 0xff) != prefix[i]) return false;
        return true;
    }
}
