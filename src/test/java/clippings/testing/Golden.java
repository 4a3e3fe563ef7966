package clippings.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compares an actual text with a golden file, exactly. On a mismatch it fails with a line diff and writes the
 * actual text under {@code target/golden-actual/}; {@code -Dgolden.update=true} rewrites the golden file.
 */
public final class Golden {
    private Golden() {
    }

    public static void assertMatches(Path golden, String actual) {
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(golden)) {
                fail("golden file " + golden + " is missing; run with -Dgolden.update=true to create it");
            }
            String expected = Files.readString(golden, StandardCharsets.UTF_8);
            if (expected.equals(actual)) return;
            Path out = Path.of("target", "golden-actual").resolve(Path.of("src/test/resources").toAbsolutePath()
                    .relativize(golden.toAbsolutePath()).toString().replace("..", "_"));
            Files.createDirectories(out.getParent());
            Files.writeString(out, actual, StandardCharsets.UTF_8);
            fail("golden file " + golden + " differs (actual written to " + out + "):\n" + diff(expected, actual));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A unified-style diff of two texts, line by line (LCS), with the changed lines and two of context. */
    public static String diff(String expected, String actual) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                lines.add("  " + a[i]);
                i++;
                j++;
            } else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
                lines.add("+ " + b[j++]);
            } else {
                lines.add("- " + a[i++]);
            }
        }
        StringBuilder sb = new StringBuilder("--- expected\n+++ actual\n");
        for (int k = 0; k < lines.size(); k++) {
            boolean near = false;
            for (int d = -2; d <= 2; d++) {
                int n = k + d;
                if (n >= 0 && n < lines.size() && !lines.get(n).startsWith("  ")) near = true;
            }
            if (near) sb.append(k + 1).append(": ").append(lines.get(k)).append('\n');
        }
        return sb.toString();
    }
}
