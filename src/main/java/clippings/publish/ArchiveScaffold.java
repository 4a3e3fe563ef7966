package clippings.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Creates a new archive project ({@code clippings init DIR}) for people who do not fork this repository: a
 * {@code content/} folder with one sample scrape, {@code clippings.yml} with every key commented out, the
 * GitHub Pages workflow, a README and a {@code .gitignore}, from the templates in {@code clippings/init/}. The
 * workflow runs a {@code clippings.jar} committed beside them, so publishing needs no release to download; the
 * running jar is copied there when there is one.
 * <p>Never overwrites: if any file it would write exists, it writes nothing. Immutable and thread-safe.
 */
public final class ArchiveScaffold {
    /** Resource under {@code clippings/init/} → path in the new project. */
    private record Template(String resource, String target) {
    }

    private static final List<Template> TEMPLATES = List.of(
            new Template("content/000_259fb651ae3d4348.txt", "content/000_259fb651ae3d4348.txt"),
            new Template("clippings.yml", "clippings.yml"),
            new Template("pages.yml", ".github/workflows/pages.yml"),
            new Template("README.md", "README.md"),
            new Template("gitignore", ".gitignore"));
    static final String JAR = "clippings.jar";

    private final Optional<Path> jar;

    /** @param jar the Clippings jar to copy into the project as {@code clippings.jar}; empty to copy none */
    public ArchiveScaffold(Optional<Path> jar) {
        this.jar = jar;
    }

    /**
     * Writes the project into {@code dir} (created if needed) and returns the files written, in order.
     *
     * @throws FileAlreadyExistsException naming the first file that already exists; nothing is written then
     */
    public List<Path> create(Path dir) throws IOException {
        List<Path> targets = new ArrayList<>();
        for (Template t : TEMPLATES) targets.add(dir.resolve(t.target()));
        jar.ifPresent(j -> targets.add(dir.resolve(JAR)));
        for (Path p : targets) {
            if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(p.toString(), null, "already exists; init never overwrites files");
            }
        }
        String name = Optional.ofNullable(dir.toAbsolutePath().normalize().getFileName()).map(Path::toString)
                .orElse("News archive");
        for (int i = 0; i < TEMPLATES.size(); i++) {
            byte[] bytes = resource(TEMPLATES.get(i).resource());
            if (TEMPLATES.get(i).target().equals("README.md")) {
                bytes = new String(bytes, StandardCharsets.UTF_8).replace("@NAME@", name).getBytes(StandardCharsets.UTF_8);
            }
            write(targets.get(i), bytes);
        }
        if (jar.isPresent()) {
            Path target = targets.get(targets.size() - 1);
            Files.copy(jar.get(), target);
        }
        return List.copyOf(targets);
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        // CREATE_NEW: a file that appeared since the check is still not overwritten.
        Files.write(target, bytes, java.nio.file.StandardOpenOption.CREATE_NEW);
    }

    private static byte[] resource(String name) {
        try (InputStream in = ArchiveScaffold.class.getResourceAsStream("/clippings/init/" + name)) {
            if (in == null) throw new IllegalStateException("clippings/init/" + name + " is missing from the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
