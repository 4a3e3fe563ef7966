package clippings.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Names the running build of Clippings, so a cache written by other code is never trusted: the jar's size and
 * time, or, when running from a classes folder (development, tests), every class file's name, size and time.
 */
public final class CodeVersion {
    private static final String CURRENT = compute();

    private CodeVersion() {
    }

    public static String current() {
        return CURRENT;
    }

    private static String compute() {
        try {
            Path code = Path.of(CodeVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) {
                return "jar " + Files.size(code) + " " + Files.getLastModifiedTime(code).toMillis();
            }
            StringBuilder sb = new StringBuilder("classes");
            try (Stream<Path> files = Files.walk(code)) {
                for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                    sb.append(' ').append(code.relativize(p)).append(':').append(Files.size(p)).append(':')
                            .append(Files.getLastModifiedTime(p).toMillis());
                }
            }
            return Digests.of(sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | RuntimeException e) {
            // Unknown code: a fresh salt every run means the cache is never reused, which is always safe.
            return "unknown " + System.nanoTime();
        }
    }
}
