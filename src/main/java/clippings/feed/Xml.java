package clippings.feed;

/** Escapes text for XML 1.0 and drops the characters XML 1.0 cannot hold at all (most C0 controls, lone surrogates). */
final class Xml {
    private Xml() {
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (!allowed(c)) continue;
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.appendCodePoint(c);
            }
        }
        return sb.toString();
    }

    /** XML 1.0 {@code Char}; a lone surrogate arrives here as itself and is dropped. */
    static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    /** A link from one site path to another, relative to the first one's folder. */
    static String relative(String from, String to) {
        int shared = 0;
        for (int i = 0; i < Math.min(from.length(), to.length()); i++) {
            if (from.charAt(i) != to.charAt(i)) break;
            if (from.charAt(i) == '/') shared = i + 1;
        }
        int depth = (int) from.substring(shared).chars().filter(ch -> ch == '/').count();
        return "../".repeat(depth) + to.substring(shared);
    }
}
