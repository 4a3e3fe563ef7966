package clippings.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Lists and fingerprints the files of a built site. */
public final class SiteFiles {
    private SiteFiles() {
    }

    /** Every file below {@code site}, as sorted {@code /}-separated relative paths. */
    public static List<String> list(Path site) throws IOException {
        try (Stream<Path> walk = Files.walk(site)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> site.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    /** Path → SHA-256 of every file, to compare two builds byte for byte. */
    public static Map<String, String> digests(Path site) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String p : list(site)) {
            try {
                out.put(p, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(site.resolve(p)))));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
